package cn.supervision.assessment.internal;

import cn.supervision.api.problem.ProblemKind;


import static cn.supervision.assessment.internal.FakeCampaigns.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.assessment.ExportRecord;
import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingDraft;
import cn.supervision.api.assessment.SpecialRuleDraft;
import cn.supervision.api.assessment.UnitAssessment;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.TwoNodes;

class AssessmentServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller CITY_LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller PARTNER = new Caller("assessment-system", Set.of(Role.PARTNER_SYSTEM), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller LIJIN_LEADER = new Caller("lijin-leader", Set.of(Role.LEADER), "370522", null);
    static final Caller CZJ_USER = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller DEPARTMENT = new Caller("city-audit", Set.of(Role.DEPARTMENT), "370500", null, "SJJ");

    static final Unit CZJ = unit(11, "CZJ", "东营市财政局", "370500");
    static final Unit FGW = unit(12, "FGW", "东营市发展和改革委员会", "370500");
    static final Unit SWJ = unit(13, "SWJ", "东营市商务局", "370500");
    static final Unit LJ = unit(21, "LJCZJ", "利津县财政局", "370522");

    private LocalJpaTemplate jpa;
    private FakeRegistry registry;
    private FakeCampaigns campaigns;
    private MutableClock clock;
    private JpaAssessmentService assessment;

    static Unit unit(long id, String code, String name, String jurisdiction) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("assessment-test", "META-INF/assessment-test-persistence.xml");
        registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(CZJ, FGW, SWJ, LJ));
        campaigns = new FakeCampaigns(registry.access());
        clock = new MutableClock(Instant.parse("2026-11-30T02:00:00Z"));
        assessment = node(jpa.jdbcInTransaction());
        // a published routine campaign of the city (revision 2 in force), a draft one, a special one, last year's
        campaigns.add(1, "370500", CampaignKind.ROUTINE, "2026年度常规监管", 2026, CampaignState.PUBLISHED);
        campaigns.publish(1, Instant.parse("2026-11-01T00:00:00Z"), result(11, "东营市财政局", "14.50", "较差"),
                result(12, "东营市发展和改革委员会", "91.25", "优秀"));
        campaigns.publish(1, Instant.parse("2026-11-05T00:00:00Z"), result(11, "东营市财政局", "14.72", "较差"),
                result(12, "东营市发展和改革委员会", "91.25", "优秀"));
        campaigns.add(2, "370500", CampaignKind.ROUTINE, "2026年第4季度常规监管", 2026, CampaignState.SCORING);
        campaigns.add(3, "370500", CampaignKind.SPECIAL, "优化营商环境专项监管", 2026, CampaignState.PUBLISHED);
        campaigns.publish(3, Instant.parse("2026-11-10T00:00:00Z"), result(11, "东营市财政局", "55.00", "较差"),
                result(12, "东营市发展和改革委员会", "95.00", "优秀"), result(13, "东营市商务局", "70.00", "一般"));
        campaigns.add(4, "370500", CampaignKind.ROUTINE, "2025年度常规监管", 2025, CampaignState.PUBLISHED);
        campaigns.publish(4, Instant.parse("2025-12-01T00:00:00Z"), result(11, "东营市财政局", "99.00", "优秀"));
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    /** The assessment service of a platform node on {@code template}'s database (the other services shared). */
    private JpaAssessmentService node(JpaTemplate template) {
        return new JpaAssessmentService(template, registry, campaigns, "优秀:90,良好:80,一般:60,较差:0", clock);
    }

    /** Runs {@code call} on two nodes at once ({@link TwoNodes}, waiting on SV_LOCK); neither may fail. Their answers, first's first. */
    @SuppressWarnings("unchecked")
    private <T> List<T> onTwoNodesAtOnce(java.util.function.Function<JpaAssessmentService, T> call) throws Exception {
        List<Object> both = TwoNodes.atOnce(jpa, "SV_LOCK", this::node, this::node, call::apply, call::apply);
        if (both.get(1) instanceof RuntimeException refused) {
            throw new AssertionError("the second node's call failed", refused);
        }
        return (List<T>) both;
    }

    /** The office opens the assessment page on two nodes at once: each derived item is stored once, both see the same. */
    @Test
    void twoNodesReconcilingAtOnceStoreEachItemOnce() throws Exception {
        assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, null, List.of(
                new SpecialRuleDraft("DEDUCTION", new BigDecimal("1.5"), List.of("较差"), new BigDecimal("60"), null, null),
                new SpecialRuleDraft("BONUS", new BigDecimal("0.5"), null, null, new BigDecimal("90"), 3L))));
        List<List<AssessmentItem>> seen = onTwoNodesAtOnce(node -> node.items(CITY, "370500", 2026));
        assertEquals(2, storedItems(), "the second node stored the items the first had just stored again");
        assertEquals(seen.get(0).stream().map(AssessmentItem::id).toList(), seen.get(1).stream().map(AssessmentItem::id).toList());
    }

    /** The same rules saved on two nodes at once: one revision, the second save finds it, nothing fails. */
    @Test
    void twoNodesSavingTheSameMappingAtOnceMakeOneRevision() throws Exception {
        assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, "HALF_UP", List.of()));
        List<Mapping> saved = onTwoNodesAtOnce(node -> node.saveMapping(CITY, "370500", 2026, linear("20", 2, "HALF_UP", List.of())));
        assertEquals(List.of(2, 2), saved.stream().map(Mapping::revision).toList());
        assertEquals(2, assessment.mappingRevisions(CITY, "370500", 2026).size());
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    static MappingDraft linear(String scaleMax, Integer decimals, String rounding, List<SpecialRuleDraft> rules) {
        return new MappingDraft("LINEAR", new BigDecimal(scaleMax), null, decimals, rounding, null, null, rules, "市考核办 2026 年口径");
    }

    static Map<String, BigDecimal> gradePoints(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    static List<String> fields(SupervisionException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aLinearMappingGivesEveryUnitItsPointsFromTheRoutineResultInForce() {
        Mapping m = assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, "HALF_UP", List.of()));
        assertEquals(1, m.revision());
        AssessmentView v = assessment.export(PARTNER, "370500", 2026, ExportFormat.SOAP);
        assertEquals(1, v.mappingRevision());
        assertEquals(List.of(1L, 3L), v.campaigns().stream().map(c -> c.campaignId()).toList(), "published campaigns of 2026 only");
        assertEquals(2, v.campaigns().get(0).revision());
        UnitAssessment czj = v.units().stream().filter(u -> u.unitCode().equals("CZJ")).findFirst().orElseThrow();
        assertEquals(1L, czj.routineCampaignId());
        assertEquals(2, czj.resultRevision());
        assertEquals(new BigDecimal("14.72"), czj.total());
        assertEquals("较差", czj.grade());
        assertEquals(new BigDecimal("1.47"), czj.assessmentPoints(), "14.72 × 10 / 100 = 1.472 → 1.47");
        assertEquals(new BigDecimal("1.47"), czj.finalPoints());
        UnitAssessment fgw = v.units().stream().filter(u -> u.unitCode().equals("FGW")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("9.13"), fgw.assessmentPoints(), "91.25 × 10 / 100 = 9.125 → 9.13 half up");
        assertTrue(v.units().stream().noneMatch(u -> u.unitCode().equals("SWJ")), "no routine result and no item: not listed");
    }

    @Test
    void aGradeMappingMustMapEveryGradeAndNamesTheMissingOne() {
        SupervisionException e = refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026, new MappingDraft("GRADE",
                new BigDecimal("5"), null, 1, null, gradePoints("优秀", "5", "良好", "4", "一般", "2.5"), null, null, null)));
        assertEquals(List.of("gradePoints.较差"), fields(e));
        e = refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026, new MappingDraft("GRADE", new BigDecimal("5"), null, 1,
                null, gradePoints("优秀", "6", "良好", "4", "一般", "2.55", "较差", "0", "好", "5"), null, null, null)));
        assertEquals(List.of("gradePoints.优秀", "gradePoints.一般", "gradePoints.好"), fields(e));
        assertTrue(assessment.mappingRevisions(CITY, "370500", 2026).isEmpty(), "nothing written");

        assessment.saveMapping(CITY, "370500", 2026, new MappingDraft("GRADE", new BigDecimal("5"), null, 1, null,
                gradePoints("较差", "1", "优秀", "5", "良好", "4", "一般", "2.5"), null, null, null));
        AssessmentView v = assessment.export(CITY, "370500", 2026, ExportFormat.REST);
        assertEquals(new BigDecimal("1.0"), v.units().get(0).assessmentPoints(), "CZJ 较差 → 1");
        assertEquals(new BigDecimal("5.0"), v.units().get(1).assessmentPoints(), "FGW 优秀 → 5");
        assertEquals(List.of("优秀", "良好", "一般", "较差"), List.copyOf(assessment.mapping(PARTNER, "370500", 2026).gradePoints().keySet()),
                "kept in the grades' order");
    }

    @Test
    void validationNamesEveryField() {
        SupervisionException e = refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026, new MappingDraft("CURVE",
                new BigDecimal("0"), new BigDecimal("-1"), 7, "CEILING", null, 4L,
                List.of(new SpecialRuleDraft("PLUS", new BigDecimal("-1"), List.of("极好"), new BigDecimal("101"), null, 1L),
                        new SpecialRuleDraft("BONUS", new BigDecimal("1"), null, null, null, null)), "x".repeat(501))));
        assertEquals(List.of("method", "decimals", "rounding", "scaleMax", "floor", "routineCampaignId", "specialRules[0].kind",
                "specialRules[0].points", "specialRules[0].grades", "specialRules[0].totalBelow", "specialRules[0].campaignId",
                "specialRules[1]", "note"), fields(e));
        assertEquals(ProblemKind.INVALID, refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026, null)).kind());
        assertEquals(List.of("scaleMax"), fields(refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026,
                linear("1000.5", 2, null, List.of())))));
        assertEquals(List.of("scaleMax"), fields(refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026,
                linear("10.125", 2, null, List.of())))), "more decimals than the points are shown with");
        assertEquals(List.of("year"), fields(refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 1999, linear("10", 2, null, List.of())))));
        assertTrue(assessment.mappingRevisions(CITY, "370500", 2026).isEmpty());
    }

    @Test
    void everyChangeIsANewRevisionAndTheExportNamesTheOneItUsed() {
        assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, null, List.of()));
        clock.advance(java.time.Duration.ofMinutes(1));
        assertEquals(1, assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, null, List.of())).revision(), "no change, no revision");
        Mapping second = assessment.saveMapping(CITY, "370500", 2026, linear("20", 1, "DOWN", List.of()));
        assertEquals(2, second.revision());
        assertEquals(List.of(1, 2), assessment.mappingRevisions(PARTNER, "370500", 2026).stream().map(Mapping::revision).toList());
        assertEquals(new BigDecimal("10"), assessment.mapping(CITY, "370500", 2026, 1).scaleMax(), "the first revision is kept");
        AssessmentView v = assessment.export(PARTNER, "370500", 2026, ExportFormat.SOAP);
        assertEquals(2, v.mappingRevision());
        assertEquals(new BigDecimal("2.9"), v.units().get(0).assessmentPoints(), "14.72 × 20 / 100 = 2.944 → 2.9 down");
        refused(ProblemKind.NOT_FOUND, () -> assessment.mapping(CITY, "370500", 2026, 3));
        refused(ProblemKind.NOT_FOUND, () -> assessment.mapping(CITY, "370500", 2027));
    }

    @Test
    void specialCampaignsProposeItemsWithReasonsThatTheOfficeConfirmsOrDrops() {
        assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, null, List.of(
                new SpecialRuleDraft("DEDUCTION", new BigDecimal("1.5"), List.of("较差"), new BigDecimal("60"), null, null),
                new SpecialRuleDraft("BONUS", new BigDecimal("0.5"), null, null, new BigDecimal("90"), 3L))));
        List<AssessmentItem> items = assessment.items(CITY, "370500", 2026);
        assertEquals(2, items.size());
        AssessmentItem deduction = items.stream().filter(i -> i.kind() == ItemKind.DEDUCTION).findFirst().orElseThrow();
        assertEquals(11L, deduction.unitId());
        assertEquals(ItemState.PROPOSED, deduction.state());
        assertEquals("专项监管“优化营商环境专项监管”（2026年，第 1 版结果）中等次为“较差”且得分 55.00 低于 60 分，依考核折算规则第 1 条拟扣 1.5 分",
                deduction.reason());
        AssessmentItem bonus = items.stream().filter(i -> i.kind() == ItemKind.BONUS).findFirst().orElseThrow();
        assertEquals(12L, bonus.unitId());
        assertTrue(bonus.reason().contains("得分 95.00 不低于 90 分") && bonus.reason().endsWith("拟加 0.5 分"), bonus.reason());

        // proposed items do not count; confirmed ones do; a drop needs its reason
        AssessmentView before = assessment.export(CITY, "370500", 2026, ExportFormat.REST);
        assertEquals(new BigDecimal("1.47"), before.units().get(0).finalPoints());
        refused(ProblemKind.FORBIDDEN, () -> assessment.confirm(PARTNER, deduction.id(), null));
        refused(ProblemKind.FORBIDDEN, () -> assessment.confirm(LIJIN, deduction.id(), null));
        assertEquals(List.of("note"), fields(refused(ProblemKind.INVALID, () -> assessment.drop(CITY, bonus.id(), " "))));
        assertEquals(ItemState.CONFIRMED, assessment.confirm(CITY, deduction.id(), "经市考核办审核").state());
        refused(ProblemKind.CONFLICT, () -> assessment.confirm(CITY, deduction.id(), null));
        assertEquals(ItemState.DROPPED, assessment.drop(CITY, bonus.id(), "该专项已在其他指标中计分").state());
        AssessmentView after = assessment.export(PARTNER, "370500", 2026, ExportFormat.SOAP);
        UnitAssessment czj = after.units().get(0);
        assertEquals(new BigDecimal("1.47"), czj.assessmentPoints());
        assertEquals(ItemState.CONFIRMED, czj.items().get(0).state());
        assertEquals(new BigDecimal("0.00"), czj.finalPoints(), "1.47 − 1.5 is held at 0");
        UnitAssessment fgw = after.units().get(1);
        assertEquals(new BigDecimal("9.13"), fgw.finalPoints(), "the dropped bonus does not count");
        assertEquals(deduction.id(), czj.items().get(0).id(), "an item derived again unchanged keeps its decision");
    }

    @Test
    void aCorrectedSpecialResultSupersedesTheItemAndTheNewOneIsProposedAgain() {
        assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, null, List.of(
                new SpecialRuleDraft("DEDUCTION", new BigDecimal("1"), List.of("较差"), null, null, null))));
        AssessmentItem first = assessment.items(CITY, "370500", 2026).get(0);
        assessment.confirm(CITY, first.id(), null);
        campaigns.publish(3, Instant.parse("2026-11-20T00:00:00Z"), result(11, "东营市财政局", "58.00", "较差"),
                result(12, "东营市发展和改革委员会", "95.00", "优秀"), result(13, "东营市商务局", "50.00", "较差"));
        List<AssessmentItem> now = assessment.items(CITY, "370500", 2026);
        assertEquals(2, now.size());
        assertTrue(now.stream().allMatch(i -> i.state() == ItemState.PROPOSED && i.resultRevision() == 2), now.toString());
        refused(ProblemKind.CONFLICT, () -> assessment.confirm(CITY, first.id(), null));
        AssessmentView v = assessment.export(CITY, "370500", 2026, ExportFormat.XLSX);
        UnitAssessment swj = v.units().stream().filter(u -> u.unitCode().equals("SWJ")).findFirst().orElseThrow();
        assertNull(swj.routineCampaignId(), "a unit with only a special item is listed without routine points");
        assertNull(swj.finalPoints());
        assertEquals(1, swj.items().size());
        assertEquals(2, v.campaigns().get(1).revision());
    }

    @Test
    void authorityFollowsThePolicy() {
        refused(ProblemKind.FORBIDDEN, () -> assessment.saveMapping(PARTNER, "370500", 2026, linear("10", 2, null, List.of())));
        refused(ProblemKind.FORBIDDEN, () -> assessment.saveMapping(CITY_LEADER, "370500", 2026, linear("10", 2, null, List.of())));
        refused(ProblemKind.FORBIDDEN, () -> assessment.saveMapping(LIJIN, "370500", 2026, linear("10", 2, null, List.of())));
        // the city does not set a county's mapping
        refused(ProblemKind.FORBIDDEN, () -> assessment.saveMapping(CITY, "370522", 2026, linear("10", 2, null, List.of())));
        refused(ProblemKind.NOT_FOUND, () -> assessment.saveMapping(CITY, "379999", 2026, linear("10", 2, null, List.of())));
        assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, null, List.of()));
        refused(ProblemKind.FORBIDDEN, () -> assessment.export(LIJIN, "370500", 2026, ExportFormat.SOAP));
        refused(ProblemKind.FORBIDDEN, () -> assessment.export(CZJ_USER, "370500", 2026, ExportFormat.REST));
        refused(ProblemKind.FORBIDDEN, () -> assessment.export(DEPARTMENT, "370500", 2026, ExportFormat.REST));
        assertEquals(2, assessment.export(CITY_LEADER, "370500", 2026, ExportFormat.REST).units().size());
        refused(ProblemKind.CONFLICT, () -> assessment.export(PARTNER, "370500", 2025, ExportFormat.SOAP));
        // the export log: the office's own, the two successful exports only
        List<ExportRecord> log = assessment.exports(CITY, "370500", null);
        assertEquals(1, log.size());
        assertEquals("city-leader", log.get(0).by());
        refused(ProblemKind.FORBIDDEN, () -> assessment.exports(PARTNER, "370500", null));
        refused(ProblemKind.FORBIDDEN, () -> assessment.exports(LIJIN, "370500", null));
        assertTrue(assessment.exports(LIJIN, null, null).isEmpty());
    }

    @Test
    void theExportLogSaysWhoWhenWhatFromWhichRevisions() {
        assessment.saveMapping(CITY, "370500", 2026, linear("10", 2, null, List.of()));
        AssessmentView soap = assessment.export(PARTNER, "370500", 2026, ExportFormat.SOAP);
        clock.advance(java.time.Duration.ofMinutes(5));
        assessment.saveMapping(CITY, "370500", 2026, linear("15", 2, null, List.of()));
        assessment.export(CITY, "370500", 2026, ExportFormat.XLSX);
        List<ExportRecord> log = assessment.exports(CITY, "370500", 2026);
        assertEquals(2, log.size());
        ExportRecord xlsx = log.get(0);
        assertEquals(ExportFormat.XLSX, xlsx.format());
        assertEquals("city-admin", xlsx.by());
        assertEquals(2, xlsx.mappingRevision());
        assertEquals(Instant.parse("2026-11-30T02:05:00Z"), xlsx.at());
        ExportRecord first = log.get(1);
        assertEquals(soap.exportId(), first.id());
        assertEquals("assessment-system", first.by());
        assertEquals(1, first.mappingRevision());
        assertEquals(2, first.units());
        assertEquals(List.of(1L, 3L), first.campaigns().stream().map(c -> c.campaignId()).toList());
        assertEquals(List.of(2, 1), first.campaigns().stream().map(c -> c.revision()).toList());
        assertEquals(CampaignKind.ROUTINE, first.campaigns().get(0).kind());
        assertTrue(assessment.exports(CITY, "370500", 2025).isEmpty());
    }

    @Test
    void aPinnedRoutineCampaignMustBeOneOfTheYearsRoutineCampaigns() {
        assertEquals(List.of("routineCampaignId"), fields(refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026,
                new MappingDraft("LINEAR", BigDecimal.TEN, null, null, null, null, 3L, null, null)))));
        assertEquals(List.of("routineCampaignId"), fields(refused(ProblemKind.INVALID, () -> assessment.saveMapping(CITY, "370500", 2026,
                new MappingDraft("LINEAR", BigDecimal.TEN, null, null, null, null, 4L, null, null)))));
        assessment.saveMapping(CITY, "370500", 2026, new MappingDraft("LINEAR", BigDecimal.TEN, null, null, null, null, 2L, null, null));
        SupervisionException e = refused(ProblemKind.CONFLICT, () -> assessment.export(CITY, "370500", 2026, ExportFormat.REST));
        assertTrue(e.getMessage().contains("尚未发布"), e.getMessage());
        assertTrue(assessment.exports(CITY, "370500", 2026).isEmpty(), "a refused export is not recorded");
    }

    private long storedItems() {
        return jpa.txExpr(em -> em.createQuery("select count(i) from ItemEntity i", Long.class).getSingleResult());
    }

    private ItemState storedState(long id) {
        return jpa.txExpr(em -> em.find(cn.supervision.assessment.internal.model.ItemEntity.class, id).getState());
    }

    /** Lijin's special campaign (one deduction for its 财政局) and its mapping, set by Lijin's own office. */
    private void lijinWithADeduction() {
        campaigns.add(5, "370522", CampaignKind.SPECIAL, "利津县专项监管", 2026, CampaignState.PUBLISHED);
        campaigns.publish(5, Instant.parse("2026-11-12T00:00:00Z"), result(21, "利津县财政局", "50.00", "较差"));
        assessment.saveMapping(LIJIN, "370522", 2026, linear("10", 2, null, List.of(
                new SpecialRuleDraft("DEDUCTION", new BigDecimal("1"), List.of("较差"), null, null, null))));
    }

    @Test
    void readsByTheLeaderThePartnerOrTheCityWriteNoItemOfTheCounty() {
        lijinWithADeduction();
        assertEquals(0, storedItems());
        for (Caller reader : List.of(LIJIN_LEADER, PARTNER, CITY)) {
            List<AssessmentItem> items = assessment.items(reader, "370522", 2026);
            assertEquals(1, items.size(), reader.username());
            assertEquals(0L, items.get(0).id(), "derived, not stored: no id");
            assertEquals(ItemState.PROPOSED, items.get(0).state());
            AssessmentView v = assessment.export(reader, "370522", 2026, reader == PARTNER ? ExportFormat.SOAP : ExportFormat.REST);
            assertEquals(0L, v.units().get(0).items().get(0).id());
            assertEquals(0, storedItems(), reader.username() + "'s read stored items of 370522");
        }
        assertEquals(3, assessment.exports(LIJIN, "370522", 2026).size(), "every export is still recorded");
        // the office's own read stores them, once
        AssessmentItem stored = assessment.items(LIJIN, "370522", 2026).get(0);
        assertTrue(stored.id() > 0);
        assertEquals(1, storedItems());
        assertEquals(stored.id(), assessment.items(LIJIN_LEADER, "370522", 2026).get(0).id(), "others now see the stored item");
        assertEquals(1, storedItems());
    }

    @Test
    void aConfirmedItemIsNotSupersededBySomeoneElsesReadOnlyByTheOfficesOwnCommand() {
        lijinWithADeduction();
        AssessmentItem first = assessment.items(LIJIN, "370522", 2026).get(0);
        assessment.confirm(LIJIN, first.id(), "经县考核办审核");
        campaigns.publish(5, Instant.parse("2026-11-20T00:00:00Z"), result(21, "利津县财政局", "52.00", "较差"));
        for (Caller reader : List.of(LIJIN_LEADER, PARTNER, CITY)) {
            List<AssessmentItem> items = assessment.items(reader, "370522", 2026);
            assertEquals(1, items.size());
            assertEquals(0L, items.get(0).id(), "the corrected result's item is not stored yet");
            assertEquals(ItemState.PROPOSED, items.get(0).state());
            assertEquals(2, items.get(0).resultRevision());
            assessment.export(reader, "370522", 2026, ExportFormat.REST);
            assertEquals(1, storedItems(), reader.username());
            assertEquals(ItemState.CONFIRMED, storedState(first.id()), reader.username() + "'s read superseded the office's decision");
        }
        // the office's own command reconciles: the stale item cannot be decided, it is superseded by a new proposal
        refused(ProblemKind.CONFLICT, () -> assessment.drop(LIJIN, first.id(), "理由"));
        assertEquals(ItemState.SUPERSEDED, storedState(first.id()));
        assertEquals(2, storedItems());
        AssessmentItem again = assessment.items(LIJIN_LEADER, "370522", 2026).get(0);
        assertTrue(again.id() > first.id());
        assertEquals(ItemState.PROPOSED, again.state());
        assertEquals(ItemState.CONFIRMED, assessment.confirm(LIJIN, again.id(), null).state());
    }
}
