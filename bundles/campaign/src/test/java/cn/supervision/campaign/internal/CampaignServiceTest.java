package cn.supervision.campaign.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeIndicatorSystemService;

class CampaignServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller LEADER = new Caller("leader", Set.of(Role.LEADER), "370500", null);

    static final List<Jurisdiction> JURISDICTIONS = List.of(new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false),
            new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false));
    static final List<Unit> UNITS = List.of(unit(1, "370500", UnitKind.GOVERNMENT_DEPARTMENT), unit(2, "370500", UnitKind.PARTY_ORGAN),
            unit(3, "370500", UnitKind.PUBLIC_INSTITUTION), unit(4, "370522", UnitKind.GOVERNMENT_DEPARTMENT));

    static final Map<String, IndicatorInput> LAST_INPUTS = new java.util.HashMap<>();
    static final int[] EVALUATIONS = {0};
    static final Caller UNIT1 = new Caller("u1-user", Set.of(Role.UNIT_USER), "370500", "U1");
    static final Caller EVALUATOR_A = new Caller("expert-a", Set.of(Role.EVALUATOR), "370500", null);
    static final Caller EVALUATOR_B = new Caller("expert-b", Set.of(Role.EVALUATOR), "370500", null);

    private LocalJpaTemplate jpa;
    private JpaCampaignService campaigns;

    static Unit unit(long id, String jurisdiction, UnitKind kind) {
        return new Unit(id, "U" + id, "单位" + id, null, kind, jurisdiction, null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    static IndicatorSystem system(long id, String jurisdiction, SystemStatus status, Set<UnitKind> kinds) {
        return new IndicatorSystem(id, jurisdiction, "l" + id, 1, status, null, "h",
                new SystemDefinition("体系" + id, 2026, kinds, Aggregation.POINTS, BigDecimal.valueOf(100), null, null, null,
                        List.of(new Indicator("A1", "核心", null, null, BigDecimal.TEN, Category.CORE, null, null, null),
                                new Indicator("A2", "定性", null, null, BigDecimal.TEN, Category.CORE, null, null, null)),
                        List.of(new Adjustment("B1", "创新加分", AdjustmentKind.BONUS, null, null, BigDecimal.ONE, null))),
                Instant.EPOCH, "t", Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    private static boolean sees(Caller c, String code) {
        return c.isSystem() || c.jurisdictionCode().equals(code) || ("370500".equals(c.jurisdictionCode()) && code.startsWith("3705"));
    }

    /** The indicator service's answers these tests need, with its authority rule. */
    static IndicatorSystemService systems() {
        Map<Long, IndicatorSystem> systems = Map.of(
                10L, system(10, "370500", SystemStatus.PUBLISHED, EnumSet.of(UnitKind.GOVERNMENT_DEPARTMENT, UnitKind.PARTY_ORGAN)),
                11L, system(11, "370500", SystemStatus.PUBLISHED, EnumSet.of(UnitKind.PUBLIC_INSTITUTION)),
                12L, system(12, "370500", SystemStatus.DRAFT, Set.of()),
                20L, system(20, "370522", SystemStatus.PUBLISHED, Set.of()));
        return new FakeIndicatorSystemService() {
            @Override
            public IndicatorSystem get(Caller c, long id) {
                IndicatorSystem s = systems.get(id);
                if (s == null || !sees(c, s.jurisdictionCode())) {
                    throw SupervisionException.notFound("" + id);
                }
                return s;
            }

            @Override
            public <K> Map<K, Evaluation> evaluateAll(Caller c, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit) {
                Map<K, Evaluation> out = new java.util.LinkedHashMap<>();
                inputsByUnit.forEach((k, in) -> {
                    LAST_INPUTS.clear();
                    LAST_INPUTS.putAll(in);
                    EVALUATIONS[0]++;
                    out.put(k, ScoringTest.evaluation("36", "16", "9", "12", "13.5", "0", "0", false, false));
                });
                return out;
            }

            @Override
            public <K> Map<K, Evaluation> evaluateAll(Caller c, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit,
                    Map<K, List<DutyRecord>> dutiesByUnit) {
                return evaluateAll(c, id, inputsByUnit);
            }
        };
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-test", "META-INF/campaign-test-persistence.xml");
        campaigns = new JpaCampaignService(jpa, new FakeRegistry(JURISDICTIONS, UNITS), systems());
    }

    @AfterEach
    void stop() {
        campaigns.close(); // its result snapshot is written before the database goes
        jpa.close();
    }

    static CampaignDraft routine(Map<UnitKind, Long> systems) {
        return new CampaignDraft(CampaignKind.ROUTINE, "2026年第3季度常规监管", null, new Period(Period.PeriodType.QUARTER, 2026, 3),
                systems, null, LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 30), null, null);
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage() + " " + e.errors());
        return e;
    }

    @Test
    void routineCampaignsUseTheirDefaultCategoriesAndPinPublishedSystems() {
        Campaign c = campaigns.create(CITY, "370500", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L)));
        assertEquals(EnumSet.of(Category.CORE, Category.AUXILIARY, Category.PUBLIC_EVALUATION, Category.PLATFORM_DATA), c.categories());
        assertEquals(CampaignState.DRAFT, c.state());
        assertEquals("2026年第3季度", c.period().label());
        assertEquals(EnumSet.allOf(Category.class), CampaignKind.SPECIAL.defaultCategories());

        SupervisionException e = refused(ProblemKind.INVALID, () -> campaigns.create(CITY, "370500", routine(Map.of(
                UnitKind.GOVERNMENT_DEPARTMENT, 12L, UnitKind.PARTY_ORGAN, 20L, UnitKind.PUBLIC_INSTITUTION, 10L))));
        assertEquals(List.of("systems.PARTY_ORGAN", "systems.GOVERNMENT_DEPARTMENT", "systems.PUBLIC_INSTITUTION"),
                e.errors().stream().map(FieldError::field).toList(), "another jurisdiction's, a draft, a wrong unit kind (in unit-kind order)");
        refused(ProblemKind.INVALID, () -> campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.SPECIAL, " ", null,
                new Period(Period.PeriodType.MONTH, 2026, 13), Map.of(), Set.of(), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 1), List.of(4L), null)));
    }

    @Test
    void collectionFixesTheTargetsAndNeedsASystemForEveryKind() {
        Campaign c = campaigns.create(CITY, "370500", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L)));
        assertNull(c.targetUnitIds(), "every ACTIVE unit, fixed when collection starts");
        SupervisionException e = refused(ProblemKind.CONFLICT, () -> campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "开始采集"));
        assertTrue(e.getMessage().contains("PARTY_ORGAN") && e.getMessage().contains("PUBLIC_INSTITUTION"), e.getMessage());

        campaigns.update(CITY, c.id(), routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L, UnitKind.PARTY_ORGAN, 10L,
                UnitKind.PUBLIC_INSTITUTION, 11L)));
        Campaign collecting = campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "开始采集");
        assertEquals(List.of(1L, 2L, 3L), collecting.targetUnitIds());
        refused(ProblemKind.CONFLICT, () -> campaigns.update(CITY, c.id(), routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L))));
        refused(ProblemKind.CONFLICT, () -> campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "跳过评分"));
        refused(ProblemKind.INVALID, () -> campaigns.transition(CITY, c.id(), CampaignState.SCORING, " "));
        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "采集截止");
        campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "补充材料");
        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "补充完毕");
        assertEquals(CampaignState.PUBLISHED, campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "结果已审定").state());

        List<Transition> history = campaigns.history(LEADER, c.id());
        assertEquals(List.of(CampaignState.DRAFT, CampaignState.COLLECTING, CampaignState.SCORING, CampaignState.COLLECTING,
                CampaignState.SCORING, CampaignState.PUBLISHED), history.stream().map(Transition::to).toList());
        assertEquals("补充材料", history.get(3).reason());
        assertEquals("city-admin", history.get(5).by());
    }

    @Test
    void explicitTargetsMustBeActiveUnitsOfTheJurisdiction() {
        CampaignDraft d = routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L));
        SupervisionException e = refused(ProblemKind.INVALID, () -> campaigns.create(CITY, "370500", new CampaignDraft(d.kind(), d.title(), null, d.period(),
                d.systems(), null, null, null, List.of(1L, 4L), null)));
        assertEquals("targetUnitIds", e.errors().get(0).field());
        Campaign c = campaigns.create(CITY, "370500", new CampaignDraft(d.kind(), d.title(), null, d.period(), d.systems(),
                Set.of(Category.CORE), null, null, List.of(1L), null));
        assertEquals(List.of(1L), campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "开始").targetUnitIds());
    }

    @Test
    void routineCampaignsRollIntoTheNextPeriod() {
        Campaign q4 = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "常规监管", null,
                new Period(Period.PeriodType.QUARTER, 2026, 4), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), null, null, null, null, null));
        Campaign next = campaigns.rollover(CITY, q4.id());
        assertEquals(new Period(Period.PeriodType.QUARTER, 2027, 1), next.period());
        assertEquals(q4.id(), next.rolledFrom());
        assertEquals(CampaignState.DRAFT, next.state());
        Campaign special = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.SPECIAL, "专项", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), null, null, null, null, null));
        refused(ProblemKind.CONFLICT, () -> campaigns.rollover(CITY, special.id()));
    }

    @Test
    void inputsAreRecordedByWhoMayGiveThemAndMergedForScoring() {
        Campaign c = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "常规", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), null, null, null, List.of(1L),
                List.of(new Member("expert-a", Member.MemberRole.EXPERT, List.of("A2"), null),
                        new Member("expert-b", Member.MemberRole.AUDIT, null, List.of(1L)),
                        new Member("expert-c", Member.MemberRole.FINANCE, List.of("A1"), null))));
        refused(ProblemKind.CONFLICT, () -> campaigns.recordInput(CITY, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, null));
        campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "开始");

        campaigns.recordInput(UNIT1, c.id(), 1L, "A1", IndicatorInput.value(new BigDecimal("90")), InputSource.SELF_REPORT, "台账见附件");
        campaigns.recordInput(CITY, c.id(), 1L, "A1", IndicatorInput.value(new BigDecimal("85")), InputSource.OFFICE, "核实后调整");
        campaigns.recordInput(EVALUATOR_A, c.id(), 1L, "A2", IndicatorInput.grades(List.of(new IndicatorInput.Grade("x", "好", "成效明显"))),
                InputSource.EVALUATOR, null);
        campaigns.recordInput(EVALUATOR_B, c.id(), 1L, "A2", IndicatorInput.grades(List.of(new IndicatorInput.Grade("x", "一般", "进度偏慢"))),
                InputSource.EVALUATOR, null);
        campaigns.recordInput(EVALUATOR_A, c.id(), 1L, "A2", IndicatorInput.grades(List.of(new IndicatorInput.Grade("x", "较好", "复核后调整"))),
                InputSource.EVALUATOR, null);

        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(CITY, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.ONE), InputSource.SELF_REPORT, null));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(UNIT1, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, null));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(UNIT1, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.ONE), InputSource.PLATFORM_DATA, null));
        SupervisionException channel = refused(ProblemKind.INVALID, () -> campaigns.recordInput(CITY, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.ONE),
                InputSource.PLATFORM_DATA, "平台数据"));
        assertTrue(channel.getMessage().contains("平台数据"), "a channel feeds only leaves of its own category: " + channel.getMessage());
        refused(ProblemKind.INVALID, () -> campaigns.recordInput(EVALUATOR_A, c.id(), 1L, "A2",
                IndicatorInput.grades(List.of(new IndicatorInput.Grade("x", "好", " "))), InputSource.EVALUATOR, null));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(EVALUATOR_A, c.id(), 1L, "A1",
                IndicatorInput.grades(List.of(new IndicatorInput.Grade("x", "好", "未分配"))), InputSource.EVALUATOR, null));
        Caller outsider = new Caller("expert-z", Set.of(Role.EVALUATOR), "370500", null);
        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(outsider, c.id(), 1L, "A2",
                IndicatorInput.grades(List.of(new IndicatorInput.Grade("x", "好", "非工作组成员"))), InputSource.EVALUATOR, null));
        refused(ProblemKind.INVALID, () -> campaigns.recordInput(CITY, c.id(), 2L, "A1", IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, null));
        refused(ProblemKind.INVALID, () -> campaigns.recordInput(CITY, c.id(), 1L, "NOPE", IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, null));

        assertEquals(5, campaigns.inputs(CITY, c.id(), 1L).size(), "every input is kept");
        List<UnitResult> results = campaigns.results(LEADER, c.id(), null);
        int evaluated = EVALUATIONS[0];
        campaigns.results(CITY, c.id(), null);
        assertEquals(evaluated, EVALUATIONS[0], "nothing changed, nothing is rescored");
        assertEquals(1, results.size());
        assertEquals(new BigDecimal("85"), LAST_INPUTS.get("A1").value(), "the latest record wins");
        assertTrue(LAST_INPUTS.get("A1").source().startsWith("OFFICE city-admin"), LAST_INPUTS.get("A1").source());
        assertEquals(List.of("较好", "一般"), LAST_INPUTS.get("A2").grades().stream().map(IndicatorInput.Grade::label).toList(),
                "each evaluator's latest grade counts, by evaluator");
        assertEquals(new BigDecimal("86.11"), results.get(0).total(), "77.5 of the routine categories’ 90 → × 100 / 90");
        assertEquals("良好", results.get(0).grade());
        assertEquals(1, results.get(0).rank());

        // publication freezes the results as revision 1; a correction is revision 2; both stay readable
        refused(ProblemKind.CONFLICT, () -> campaigns.correct(CITY, c.id(), "过早", List.of()));
        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "采集截止");
        campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "市编委会审定");
        refused(ProblemKind.CONFLICT, () -> campaigns.recordInput(CITY, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, null));
        refused(ProblemKind.INVALID, () -> campaigns.correct(CITY, c.id(), " ", List.of(new CampaignService.Correction(1L, "A1", IndicatorInput.value(BigDecimal.TEN)))));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.correct(LEADER, c.id(), "越权", List.of(new CampaignService.Correction(1L, "A1", IndicatorInput.value(BigDecimal.TEN)))));
        ResultRevision second = campaigns.correct(CITY, c.id(), "核实数据有误",
                List.of(new CampaignService.Correction(1L, "A1", IndicatorInput.value(new BigDecimal("95")))));
        assertEquals(2, second.revision());
        assertEquals(new BigDecimal("95"), LAST_INPUTS.get("A1").value(), "the correction is what was scored");
        List<ResultRevision> revisions = campaigns.revisions(LEADER, c.id());
        assertEquals(List.of(1, 2), revisions.stream().map(ResultRevision::revision).toList());
        assertEquals("市编委会审定", revisions.get(0).reason());
        assertEquals(6, campaigns.inputs(CITY, c.id(), 1L).size(), "the correction is an input like any other (5 + 1), marked as such");
        assertTrue(campaigns.history(CITY, c.id()).get(campaigns.history(CITY, c.id()).size() - 1).reason().contains("第 2 版"));
    }

    @Test
    void selfReportsCountOnceAcceptedAndCarryTheirEvidence() {
        Campaign c = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "常规", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), null, null, null, List.of(1L), null));
        campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "开始");
        InputRecord first = campaigns.recordInput(UNIT1, c.id(), 1L, "A1", IndicatorInput.value(new BigDecimal("99")),
                InputSource.SELF_REPORT, "自评");
        assertEquals(ReviewStatus.SUBMITTED, first.review());
        campaigns.results(CITY, c.id(), null);
        assertTrue(!LAST_INPUTS.containsKey("A1"), "a self-report waiting for review does not count");

        Evidence pdf = campaigns.attachEvidence(UNIT1, c.id(), first.id(), "任务台账.pdf", "%PDF-1.4 台账".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(64, pdf.sha256().length());
        assertEquals("application/pdf", pdf.contentType());
        refused(ProblemKind.UNSUPPORTED_TYPE, () -> campaigns.attachEvidence(UNIT1, c.id(), first.id(), "脚本.exe", new byte[] {1}));
        refused(ProblemKind.TOO_LARGE, () -> campaigns.attachEvidence(UNIT1, c.id(), first.id(), "大文件.pdf", new byte[11 * 1024 * 1024]));
        Caller otherUnit = new Caller("u2-user", Set.of(Role.UNIT_USER), "370500", "U2");
        refused(ProblemKind.FORBIDDEN, () -> campaigns.attachEvidence(otherUnit, c.id(), first.id(), "x.pdf", new byte[] {1}));
        assertEquals("%PDF-1.4 台账", new String(campaigns.evidenceContent(CITY, c.id(), pdf.id()), java.nio.charset.StandardCharsets.UTF_8));

        refused(ProblemKind.INVALID, () -> campaigns.review(CITY, c.id(), first.id(), false, " "));
        refused(ProblemKind.INVALID, () -> campaigns.review(CITY, c.id(), first.id(), true, "长".repeat(501)));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.review(UNIT1, c.id(), first.id(), true, null));
        InputRecord returned = campaigns.review(CITY, c.id(), first.id(), false, "完成率与台账不符");
        assertEquals(ReviewStatus.RETURNED, returned.review());
        refused(ProblemKind.CONFLICT, () -> campaigns.review(CITY, c.id(), first.id(), true, null));
        InputRecord again = campaigns.recordInput(UNIT1, c.id(), 1L, "A1", IndicatorInput.value(new BigDecimal("93")),
                InputSource.SELF_REPORT, "按台账更正");
        campaigns.review(CITY, c.id(), again.id(), true, null);
        campaigns.results(CITY, c.id(), null);
        assertEquals(new BigDecimal("93"), LAST_INPUTS.get("A1").value(), "the accepted resubmission counts");
        assertEquals(List.of(ReviewStatus.RETURNED, ReviewStatus.ACCEPTED),
                campaigns.inputs(UNIT1, c.id(), 1L).stream().map(InputRecord::review).toList(), "history keeps both");
    }

    @Test
    void theCityNeitherWritesIntoNorLooksIntoACountysCampaignBeforePublication() {
        Campaign county = campaigns.create(LIJIN, "370522", new CampaignDraft(CampaignKind.ROUTINE, "利津县常规监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 20L), null, null, null, null,
                List.of(new Member("expert-a", Member.MemberRole.EXPERT, null, null))));
        campaigns.transition(LIJIN, county.id(), CampaignState.COLLECTING, "开始");
        InputRecord own = campaigns.recordInput(LIJIN, county.id(), 4L, "A1", IndicatorInput.value(new BigDecimal("80")),
                InputSource.OFFICE, "县里核定");

        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(CITY, county.id(), 4L, "A1", IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, "代录"));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(CITY, county.id(), 4L, "A1", IndicatorInput.value(BigDecimal.ONE),
                InputSource.PLATFORM_DATA, "平台数据"));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.checkEvidenceUpload(CITY, county.id(), own.id()));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.attachEvidence(CITY, county.id(), own.id(), "x.pdf", new byte[] {1}));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.inputs(CITY, county.id(), 4L));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.coverage(CITY, county.id()));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.results(CITY, county.id(), null));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.review(CITY, county.id(), own.id(), true, null));
        assertEquals(1, campaigns.inputs(LIJIN, county.id(), 4L).size(), "the county reads its own");
        assertEquals(List.of("expert-a"), campaigns.get(CITY, county.id()).workingGroup().stream().map(Member::username).toList(),
                "the city sees the plan of a county campaign");

        campaigns.transition(LIJIN, county.id(), CampaignState.SCORING, "截止");
        campaigns.transition(LIJIN, county.id(), CampaignState.PUBLISHED, "审定");
        assertEquals(1, campaigns.inputs(CITY, county.id(), 4L).size(), "published: the city reads inputs");
        assertEquals(1, campaigns.results(CITY, county.id(), null).size());
        campaigns.coverage(CITY, county.id());
    }

    @Test
    void justificationsAreRequiredForOfficeFiguresAndAdjustments() {
        Campaign c = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "常规", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), null, null, null, List.of(1L), null));
        campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "开始");
        SupervisionException office = refused(ProblemKind.INVALID, () -> campaigns.recordInput(CITY, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.ONE),
                InputSource.OFFICE, " "));
        assertEquals("explanation", office.errors().get(0).field());
        refused(ProblemKind.INVALID, () -> campaigns.recordInput(CITY, c.id(), 1L, "B1", IndicatorInput.occurrences(1), InputSource.OFFICE, null));
        refused(ProblemKind.INVALID, () -> campaigns.recordInput(UNIT1, c.id(), 1L, "B1", IndicatorInput.occurrences(1), InputSource.SELF_REPORT, ""));
        campaigns.recordInput(UNIT1, c.id(), 1L, "B1", IndicatorInput.occurrences(1), InputSource.SELF_REPORT, "获省级创新奖，见附件");
        campaigns.recordInput(UNIT1, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.TEN), InputSource.SELF_REPORT, null);
        campaigns.recordInput(CITY, c.id(), 1L, "A1", IndicatorInput.value(BigDecimal.TEN), InputSource.OFFICE, "核实");
        assertEquals(3, campaigns.inputs(CITY, c.id(), 1L).size(), "nothing was written by the refused ones");
    }

    @Test
    void unitsReadOnlyTheirOwnAndNeverWhoGraded() {
        Campaign c = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "常规", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), null, null, null, List.of(1L),
                List.of(new Member("expert-a", Member.MemberRole.EXPERT, List.of("A2"), null),
                        new Member("expert-b", Member.MemberRole.EXPERT, List.of("A2"), null))));
        Campaign county = campaigns.create(LIJIN, "370522", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 20L)));
        campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "开始");
        campaigns.recordInput(EVALUATOR_B, c.id(), 1L, "A2", IndicatorInput.grades(List.of(new IndicatorInput.Grade("x", "一般", "进度偏慢"))),
                InputSource.EVALUATOR, null);

        assertEquals(List.of(c.id()), campaigns.list(UNIT1, null, null).stream().map(Campaign::id).toList(),
                "a city unit lists its own jurisdiction's campaigns, not the county's");
        refused(ProblemKind.FORBIDDEN, () -> campaigns.get(UNIT1, county.id()));
        assertEquals(List.of(), campaigns.get(UNIT1, c.id()).workingGroup(), "who grades is the office's business");
        Caller partner = new Caller("assessment-system", Set.of(Role.PARTNER_SYSTEM), "370500", null);
        assertEquals(List.of(), campaigns.list(partner, null, null), "partners see published campaigns only");
        refused(ProblemKind.FORBIDDEN, () -> campaigns.results(UNIT1, c.id(), null));

        InputRecord seen = campaigns.inputs(UNIT1, c.id(), 1L).get(0);
        assertEquals("评价人2", seen.enteredBy(), "expert-b is the working group's second member");
        assertEquals("评价人2", seen.input().grades().get(0).evaluator());
        assertEquals("进度偏慢", seen.input().grades().get(0).justification());
        assertEquals("expert-b", campaigns.inputs(CITY, c.id(), 1L).get(0).enteredBy(), "the office keeps the provenance");
        campaigns.results(CITY, c.id(), null);
        assertEquals("评价人2", LAST_INPUTS.get("A2").grades().get(0).evaluator(), "results are scored under the pseudonym");
        assertTrue(!LAST_INPUTS.get("A2").source().contains("expert-b"), LAST_INPUTS.get("A2").source());

        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "截止");
        campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "审定");
        assertEquals(List.of(1L), campaigns.results(UNIT1, c.id(), null).stream().map(UnitResult::unitId).toList());
        assertEquals(List.of(c.id()), campaigns.list(partner, null, null).stream().map(Campaign::id).toList());
        assertEquals(List.of(), campaigns.get(partner, c.id()).workingGroup());
    }

    @Test
    void authorityFollowsTheJurisdiction() {
        Campaign c = campaigns.create(CITY, "370500", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L)));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.get(LIJIN, c.id()));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.create(LIJIN, "370500", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L))));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.create(LEADER, "370500", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L))));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.transition(LEADER, c.id(), CampaignState.COLLECTING, "越权"));
        Campaign county = campaigns.create(LIJIN, "370522", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 20L)));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.create(CITY, "370522", routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 20L))));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.transition(CITY, county.id(), CampaignState.COLLECTING, "代办"));
        assertEquals(List.of(county.id()), campaigns.list(LIJIN, null, null).stream().map(Campaign::id).toList());
        assertEquals(2, campaigns.list(CITY, null, null).size());
        assertEquals(1, campaigns.list(CITY, "370500", CampaignState.DRAFT).size());
    }
}
