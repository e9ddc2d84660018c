package cn.supervision.campaign.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.DutyPart;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * Duty-driven indicators in a campaign (issue 14): D1.1 is scored duty by duty. Unit 1 has three typed main duties,
 * unit 2 none (it keeps D1.1 as it is). Real indicator engine, real policy, OpenJPA on Derby.
 */
class CampaignDutyLeavesTest {
    private final java.util.List<JpaCampaignService> started = new java.util.ArrayList<>();
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LEADER = new Caller("leader", Set.of(Role.LEADER), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller UNIT1 = new Caller("u1-user", Set.of(Role.UNIT_USER), "370500", "U1");
    static final Caller UNIT2 = new Caller("u2-user", Set.of(Role.UNIT_USER), "370500", "U2");
    static final Caller SYSTEM = Caller.system("test");

    static final List<Duty> DUTIES = List.of(
            new Duty(null, 1, "负责本行业行政许可事项的受理、审查和决定", DutyType.LICENSING, List.of()),
            new Duty(null, 2, "依法查处本行业违法违规行为", DutyType.PENALTY, List.of()),
            new Duty(null, 3, "负责机关和所属单位的人事、财务管理", DutyType.INTERNAL_MANAGEMENT, List.of()));

    private LocalJpaTemplate jpa;
    private JpaIndicatorSystemService systems;
    private JpaCampaignService campaigns;
    private long systemId;

    static Unit unit(long id, String jurisdiction, List<Duty> duties) {
        return new Unit(id, "U" + id, "单位" + id, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE,
                new Mandate(duties, List.of(), null), 1, Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    static FakeRegistry registry(List<Duty> unit1Duties) {
        return new FakeRegistry(FakeRegistry.DONGYING, List.of(unit(1, "370500", unit1Duties), unit(2, "370500", List.of()),
                unit(3, "370522", DUTIES)));
    }

    static RuleSpec ratio() {
        return new RuleSpec(RuleType.RATIO, "完成率", null, null, null, null, null, null, null, null, null, BigDecimal.valueOf(100),
                null, null, null, null, null);
    }

    static Indicator leaf(String code, int points, Category category, DutyPart perDuty) {
        return new Indicator(code, "指标" + code, null, null, BigDecimal.valueOf(points), category, IndicatorScope.COMMON, ratio(),
                List.of(), perDuty, null);
    }

    /** D1 履行主要职责 (60): D1.1 duty by duty (40), D1.2 (20); D2 (40, auxiliary): D2.1. */
    static SystemDefinition definition() {
        return new SystemDefinition("职责体系", 2026, Set.of(), Aggregation.POINTS, BigDecimal.valueOf(100), null, null, null, List.of(
                new Indicator("D1", "履行主要职责", null, null, BigDecimal.valueOf(60), Category.CORE, IndicatorScope.COMMON, null,
                        List.of(leaf("D1.1", 40, Category.CORE, new DutyPart(DutyPart.Weighting.EQUAL, null, null)),
                                leaf("D1.2", 20, Category.CORE, null))),
                new Indicator("D2", "辅助职责", null, null, BigDecimal.valueOf(40), Category.AUXILIARY, IndicatorScope.COMMON, null,
                        List.of(leaf("D2.1", 40, Category.AUXILIARY, null)))), List.of());
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-duty-test", "META-INF/campaign-duty-test-persistence.xml");
        FakeRegistry registry = registry(DUTIES);
        systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
        IndicatorSystem system = systems.publishContributed(SYSTEM, "370500", "duties", definition());
        systemId = system.id();
        campaigns = service(registry);
    }

    private JpaCampaignService service(FakeRegistry registry) {
        JpaCampaignService s = new JpaCampaignService(jpa, registry, systems);
        started.add(s);
        s.setDuties(registry);
        return s;
    }

    @AfterEach
    void stop() {
        started.forEach(JpaCampaignService::close); // their result snapshots are written before the database goes
        jpa.close();
    }

    private Campaign collecting(CampaignService service) {
        Campaign c = service.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "2026年度常规监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), null,
                LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 30), null, null));
        return service.transition(CITY, c.id(), CampaignState.COLLECTING, "开始采集");
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage() + " " + e.errors());
        return e;
    }

    static Indicator find(List<Indicator> nodes, String code) {
        for (Indicator n : nodes) {
            Indicator f = n.code().equals(code) ? n : find(n.children(), code);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    static Evaluation.NodeScore score(UnitResult r, String code) {
        List<Evaluation.NodeScore> pending = new ArrayList<>(r.evaluation().indicators());
        while (!pending.isEmpty()) {
            Evaluation.NodeScore n = pending.remove(0);
            if (n.code().equals(code)) {
                return n;
            }
            pending.addAll(n.children());
        }
        return null;
    }

    static UnitResult row(List<UnitResult> results, long unitId) {
        return results.stream().filter(r -> r.unitId() == unitId).findFirst().orElseThrow();
    }

    private void office(long campaignId, long unitId, String code, int value) {
        campaigns.recordInput(CITY, campaignId, unitId, code, IndicatorInput.value(BigDecimal.valueOf(value)), InputSource.OFFICE, "统计");
    }

    @Test
    void theStartFreezesEachUnitsDutiesAndLaterRevisionsDoNotChangeThem() {
        Campaign c = collecting(campaigns);
        List<DutyLeaf> leaves = campaigns.dutyLeaves(CITY, c.id(), null);
        assertEquals(List.of("D1.1-1", "D1.1-2", "D1.1-3"), leaves.stream().map(DutyLeaf::code).toList(), "unit 2 has no duty");
        DutyLeaf second = leaves.get(1);
        assertEquals(1L, second.unitId());
        assertEquals("D1.1", second.templateCode());
        assertEquals(FakeRegistry.dutyId(1, 2), second.dutyId());
        assertEquals(DutyType.PENALTY, second.dutyType());
        assertEquals("依法查处本行业违法违规行为", second.dutyText());
        assertEquals(List.of("33.33", "33.33", "33.34"), leaves.stream().map(l -> l.share().toPlainString()).toList());
        assertTrue(leaves.stream().noneMatch(DutyLeaf::assessed), "no input yet");
        assertEquals(0, new BigDecimal("40").compareTo(second.max()));

        Indicator expanded = find(campaigns.systemFor(CITY, c.id(), 1).indicators(), "D1.1");
        assertEquals(List.of(FakeRegistry.dutyId(1, 1), FakeRegistry.dutyId(1, 2), FakeRegistry.dutyId(1, 3)),
                expanded.children().stream().map(Indicator::dutyId).toList());
        assertTrue(find(campaigns.systemFor(CITY, c.id(), 2).indicators(), "D1.1").leaf(), "no duties: the template stays a leaf");

        // the mandate is revised after the start: duty 1 reworded, 2 dropped, 4 added
        FakeRegistry revised = registry(List.of(
                new Duty(null, 1, "负责行政许可事项的受理和决定（修订）", DutyType.LICENSING, List.of()),
                DUTIES.get(2),
                new Duty(null, 4, "组织开展行业安全生产监督检查", DutyType.INSPECTION, List.of())));
        JpaCampaignService later = service(revised);
        assertEquals(leaves, later.dutyLeaves(CITY, c.id(), 1L), "the campaign keeps what it froze");
        assertEquals("负责本行业行政许可事项的受理、审查和决定", later.dutyLeaves(CITY, c.id(), 1L).get(0).dutyText());
        later.recordInput(CITY, c.id(), 1, "D1.1-2", IndicatorInput.value(BigDecimal.valueOf(80)), InputSource.OFFICE, "统计");
        refused(ProblemKind.INVALID, () -> later.recordInput(CITY, c.id(), 1, "D1.1-4", IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, "统计"));

        // a campaign started after the revision assesses the new duties
        Campaign next = collecting(later);
        assertEquals(List.of("D1.1-1", "D1.1-3", "D1.1-4"), later.dutyLeaves(CITY, next.id(), 1L).stream().map(DutyLeaf::code).toList());
    }

    @Test
    void inputsAreRecordedPerDutyAndTheTemplateScoresTheirWeightedMean() {
        Campaign c = collecting(campaigns);
        refused(ProblemKind.INVALID, () -> office(c.id(), 1, "D1.1", 100)); // expanded for unit 1: the template takes no input
        office(c.id(), 2, "D1.1", 50);                       // unit 2 has no duties: the template is its leaf
        assertEquals(List.of("D1.1-1", "D1.1-2", "D1.1-3", "D1.2", "D2.1"),
                campaigns.coverage(CITY, c.id()).stream().filter(x -> x.unitId() == 1).findFirst().orElseThrow().missingCodes());
        // the unit reports duty by duty itself; the office accepts
        var self = campaigns.recordInput(UNIT1, c.id(), 1, "D1.1-1", IndicatorInput.value(BigDecimal.valueOf(100)),
                InputSource.SELF_REPORT, "已办结");
        campaigns.review(CITY, c.id(), self.id(), true, null);
        office(c.id(), 1, "D1.1-2", 50);

        List<DutyLeaf> leaves = campaigns.dutyLeaves(CITY, c.id(), 1L);
        assertEquals(List.of("40", "20"), List.of(leaves.get(0).score().stripTrailingZeros().toPlainString(),
                leaves.get(1).score().stripTrailingZeros().toPlainString()));
        assertNull(leaves.get(2).score(), "duty 3 has no input: not assessed (not the 0 the total counts)");
        assertEquals(List.of("D1.1-3", "D1.2", "D2.1"),
                campaigns.coverage(CITY, c.id()).stream().filter(x -> x.unitId() == 1).findFirst().orElseThrow().missingCodes());

        office(c.id(), 1, "D1.1-3", 0);
        UnitResult r = row(campaigns.results(CITY, c.id(), null), 1);
        // 40 × 33.33% + 20 × 33.33% + 0 × 33.34%
        assertEquals(0, new BigDecimal("20.00").compareTo(score(r, "D1.1").score()), score(r, "D1.1").explanation());
        assertEquals(FakeRegistry.dutyId(1, 2), score(r, "D1.1-2").dutyId());
        assertNull(score(r, "D1.2").dutyId());
        assertEquals(0, new BigDecimal("20").compareTo(score(row(campaigns.results(CITY, c.id(), null), 2), "D1.1").score()));

        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "采集结束");
        campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "发布");
        // the stored revisions keep the duty ids; a correction per duty makes revision 2
        UnitResult published = row(campaigns.revisions(CITY, c.id()).get(0).results(), 1);
        assertEquals(FakeRegistry.dutyId(1, 3), score(published, "D1.1-3").dutyId());
        refused(ProblemKind.INVALID, () -> campaigns.correct(CITY, c.id(), "更正", List.of(new CampaignService.Correction(1, "D1.1",
                IndicatorInput.value(BigDecimal.TEN)))));
        ResultRevision second = campaigns.correct(CITY, c.id(), "职责3数据更正", List.of(new CampaignService.Correction(1, "D1.1-3",
                IndicatorInput.value(BigDecimal.valueOf(100)))));
        assertEquals(FakeRegistry.dutyId(1, 3), score(row(second.results(), 1), "D1.1-3").dutyId());
        assertEquals(0, new BigDecimal("40").compareTo(campaigns.dutyLeaves(CITY, c.id(), 1L).get(2).score()),
                "after publication the scores are the latest revision's");
    }

    @Test
    void dutyLeavesAreReadLikeResultsAndTheSystemByItsOwnUnit() {
        Campaign c = collecting(campaigns);
        assertEquals(3, campaigns.dutyLeaves(LEADER, c.id(), null).size());
        refused(ProblemKind.FORBIDDEN, () -> campaigns.dutyLeaves(UNIT1, c.id(), 1L));   // before publication: the office's only
        refused(ProblemKind.FORBIDDEN, () -> campaigns.dutyLeaves(LIJIN, c.id(), null)); // another county
        refused(ProblemKind.NOT_FOUND, () -> campaigns.dutyLeaves(CITY, c.id(), 3L));    // not a target (a county unit)

        assertEquals(3, find(campaigns.systemFor(UNIT1, c.id(), 1).indicators(), "D1.1").children().size());
        refused(ProblemKind.FORBIDDEN, () -> campaigns.systemFor(UNIT1, c.id(), 2));
        refused(ProblemKind.FORBIDDEN, () -> campaigns.systemFor(LIJIN, c.id(), 1));
        refused(ProblemKind.NOT_FOUND, () -> campaigns.systemFor(CITY, c.id(), 3));

        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "采集结束");
        campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "发布");
        assertEquals(3, campaigns.dutyLeaves(UNIT1, c.id(), null).size(), "once published, its own unit's");
        assertEquals(3, campaigns.dutyLeaves(UNIT1, c.id(), 1L).size());
        assertEquals(List.of(), campaigns.dutyLeaves(UNIT2, c.id(), null), "unit 2 has none, and never sees unit 1's");
        refused(ProblemKind.FORBIDDEN, () -> campaigns.dutyLeaves(UNIT2, c.id(), 1L));
    }

    @Test
    void anEvaluatorAssignedTheTemplateGradesItsDuties() {
        Campaign draft = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "2026年度常规监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), null, null, null, null,
                List.of(new Member("expert-a", Member.MemberRole.EXPERT, List.of("D1.1"), List.of()))));
        Campaign c = campaigns.transition(CITY, draft.id(), CampaignState.COLLECTING, "开始采集");
        Caller expert = new Caller("expert-a", Set.of(Role.EVALUATOR), "370500", null);
        IndicatorInput grade = IndicatorInput.grades(List.of(new IndicatorInput.Grade("expert-a", "好", "履职到位")));
        campaigns.recordInput(expert, c.id(), 1, "D1.1-2", grade, InputSource.EVALUATOR, null);
        campaigns.recordInput(expert, c.id(), 2, "D1.1", grade, InputSource.EVALUATOR, null);
        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInput(expert, c.id(), 1, "D1.2", grade, InputSource.EVALUATOR, null));
    }

    @Test
    void theSelfReportScopeNamesTheDutyLeaves() {
        Campaign c = collecting(campaigns);
        DeadlineLedger ledger = new DeadlineLedger(jpa, registry(DUTIES), systems, campaigns);
        var unit1 = ledger.lateness(CITY, c.id()).units().stream().filter(u -> u.unitId() == 1).findFirst().orElseThrow();
        assertEquals(List.of("D1.1-1", "D1.1-2", "D1.1-3", "D1.2", "D2.1"), unit1.missingCodes());
    }
}
