package cn.supervision.duty.analysis.internal;

import cn.supervision.rest.bounds.ProblemStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.AnalysisRun;
import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

class DutyAnalysisServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller UNIT_USER = new Caller("scj-user", Set.of(Role.UNIT_USER), "370500", "SCJGJ");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.ofHours(8));

    static final Unit MARKET = unit(1, "SCJGJ", "东营市市场监督管理局", "370500", UnitStatus.ACTIVE,
            "负责食品安全监督管理综合协调，组织开展食品安全监督抽检和风险监测。",
            "负责食用农产品进入批发、零售市场后的质量安全监督管理。",
            "负责特种设备安全监督管理，组织实施特种设备安全监察。",
            "完成市委、市政府交办的其他任务。");
    static final Unit FARMING = unit(2, "NYNCJ", "东营市农业农村局", "370500", UnitStatus.ACTIVE,
            "负责食用农产品从种植养殖环节到进入批发、零售市场前的质量安全监督管理。",
            "负责农村集体产权制度改革和宅基地管理。",
            "完成市委、市政府交办的其他任务。");
    static final Unit EMERGENCY = unit(3, "YJJ", "东营市应急管理局", "370500", UnitStatus.ACTIVE,
            "负责森林火灾预防和森林防火监督检查工作。",
            "负责危险化学品安全生产综合监督管理。");
    static final Unit FORESTRY = unit(4, "LYJ", "东营市林业局", "370500", UnitStatus.MERGED,
            "负责林业有害生物防治检疫和松材线虫病疫情监测。",
            "负责森林防火的监督检查和森林火灾预防工作。",
            "完成市委、市政府交办的其他任务。");
    static final Unit LIJIN_MARKET = unit(11, "LJ-SCJG", "利津县市场监督管理局", "370522", UnitStatus.ACTIVE,
            "负责食用农产品进入批发、零售市场后的质量安全监督管理。");

    private LocalJpaTemplate jpa;
    private FakeRegistry registry;
    private Fakes.Findings findings;
    private JpaDutyAnalysisService analysis;

    static Unit unit(long id, String code, String name, String jurisdiction, UnitStatus status, String... duties) {
        List<Duty> list = new java.util.ArrayList<>();
        for (int i = 0; i < duties.length; i++) {
            list.add(new Duty(i + 1, duties[i]));
        }
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, status,
                new Mandate(list, List.of(), Staffing.NONE), 1, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("duty-analysis-test", "META-INF/duty-analysis-test-persistence.xml");
        registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(MARKET, FARMING, EMERGENCY, FORESTRY, LIJIN_MARKET));
        Fakes.Duties duties = new Fakes.Duties(registry);
        duties.retire(EMERGENCY, 3_009, 9, "负责地震监测预报和震情速报工作。");
        Fakes.PowerLists items = new Fakes.PowerLists(registry);
        items.add(MARKET, 501, "330217001000", "对特种设备使用单位的监督检查", FakeRegistry.dutyId(1, 3));
        items.add(EMERGENCY, 502, "330217002000", "危险化学品经营许可", null);
        findings = new Fakes.Findings(registry);
        analysis = new JpaDutyAnalysisService(jpa, registry, duties, items, findings, AnalysisSettings.DEFAULTS, CLOCK);
    }

    @AfterEach
    void stop() {
        analysis.close();
        jpa.close();
    }

    private DutyProposal proposal(ProposalKind kind, long unitId, int number) {
        return analysis.proposals(CITY, "370500", kind, null).stream()
                .filter(p -> p.first().unitId() == unitId && number == p.first().dutyNumber()
                        || p.second() != null && p.second().unitId() == unitId && Integer.valueOf(number).equals(p.second().dutyNumber()))
                .findFirst().orElse(null);
    }

    @Test
    void overlapsBetweenUnitsOfTheJurisdictionAndGapsOfDutiesNobodyHolds() {
        AnalysisRun run = analysis.analyse(CITY, "370500");
        assertEquals(13, run.duties(), "every duty of the city's units, the merged unit's and the retired one included");
        assertEquals(2, run.items());
        List<DutyProposal> overlaps = analysis.proposals(CITY, "370500", ProposalKind.OVERLAP, null);
        assertEquals(run.newOverlaps(), overlaps.size());
        DutyProposal food = proposal(ProposalKind.OVERLAP, 2, 1);
        assertTrue(food != null && Set.of(food.first().unitId(), food.second().unitId()).equals(Set.of(1L, 2L))
                && Set.of(food.first().dutyNumber(), food.second().dutyNumber()).equals(Set.of(1, 2)), "the planted overlap: " + overlaps);
        assertTrue(food.similarity() >= AnalysisSettings.DEFAULTS.overlapThreshold() && food.sharedTerms().contains("农产品"), food.toString());
        assertEquals(ProposalState.PROPOSED, food.state());
        for (DutyProposal p : overlaps) {
            assertTrue(p.first().unitId() != p.second().unitId(), "never within one unit: " + p);
            assertTrue(p.first().unitId() != 11 && p.second().unitId() != 11, "never another jurisdiction's unit: " + p);
            assertTrue(p.first().unitId() != 4 && p.second().unitId() != 4, "a merged unit's duties are gap sources only: " + p);
        }

        List<DutyProposal> gaps = analysis.proposals(CITY, "370500", ProposalKind.GAP, null);
        assertEquals(run.newGaps(), gaps.size());
        DutyProposal pests = proposal(ProposalKind.GAP, 4, 1);
        assertTrue(pests != null && pests.first().unitId() == 4, "the merged unit's pest control nobody holds: " + gaps);
        DutyProposal quake = proposal(ProposalKind.GAP, 3, 9);
        assertTrue(quake != null && quake.first().dutyId() == 3_009, "the retired earthquake duty: " + gaps);
        assertNull(proposal(ProposalKind.GAP, 4, 2), "forest fire prevention is held by the emergency bureau: " + gaps);
        assertTrue(gaps.stream().noneMatch(g -> g.first().text().contains("交办")), "boilerplate is no gap: " + gaps);
    }

    @Test
    void aPairIsNeverProposedTwiceWhateverWasDecided() {
        AnalysisRun first = analysis.analyse(CITY, "370500");
        int all = first.newOverlaps() + first.newGaps();
        assertTrue(all >= 3, first.toString());
        DutyProposal food = proposal(ProposalKind.OVERLAP, 2, 1);
        analysis.dismiss(CITY, food.id(), "食用农产品市场准入前后分段监管，职责边界清楚");
        AnalysisRun second = analysis.analyse(CITY, "370500");
        assertEquals(0, second.newOverlaps() + second.newGaps());
        assertEquals(all, second.known());
        assertEquals(all, analysis.proposals(CITY, "370500", null, null).size());
        assertEquals(ProposalState.DISMISSED, analysis.get(LEADER, food.id()).state());
    }

    @Test
    void confirmingMakesAFindingPerActiveUnitAndADecisionIsFinal() {
        analysis.analyse(CITY, "370500");
        DutyProposal food = proposal(ProposalKind.OVERLAP, 2, 1);
        assertThrows(SupervisionException.class, () -> analysis.confirm(CITY, food.id(), "  "));
        DutyProposal confirmed = analysis.confirm(CITY, food.id(), "两部门均承担食用农产品质量安全监管，需厘清");
        assertEquals(ProposalState.CONFIRMED, confirmed.state());
        assertEquals("city-admin", confirmed.decidedBy());
        assertEquals(2, findings.created.size());
        assertEquals(findings.created.stream().map(Finding::id).toList(), confirmed.findingIds());
        for (Finding f : findings.created) {
            assertEquals(SourceKind.DUTY_ANALYSIS, f.source().kind());
            assertEquals(String.valueOf(food.id()), f.source().reference());
            assertEquals(FindingCategory.DUTY_OVERLAP_GAP, f.category());
            assertTrue(f.description().startsWith("职责交叉："), f.description());
        }
        assertEquals(Set.of(1L, 2L), Set.of(findings.created.get(0).unitId(), findings.created.get(1).unitId()));
        assertEquals(409, status(() -> analysis.confirm(CITY, food.id(), "再次确认")));
        assertEquals(409, status(() -> analysis.dismiss(CITY, food.id(), "改为排除")));
        assertEquals(confirmed.findingIds(), analysis.get(CITY, food.id()).findingIds());

        // a gap of the merged unit: the finding goes to the units still alive (the holder of the closest duty), never the merged one
        DutyProposal pests = proposal(ProposalKind.GAP, 4, 1);
        DutyProposal gap = analysis.confirm(CITY, pests.id(), "林业有害生物防治职责在机构改革中未明确承接单位");
        assertTrue(findings.created.stream().skip(2).allMatch(f -> f.unitId() != 4 && f.severity() == Severity.SERIOUS), findings.created.toString());
        assertEquals(gap.second() == null ? 0 : 1, gap.findingIds().size());
    }

    @Test
    void aFailedConfirmationGivesTheProposalBack() {
        analysis.analyse(CITY, "370500");
        DutyProposal food = proposal(ProposalKind.OVERLAP, 2, 1);
        findings.failNext = SupervisionException.conflict("问题清单暂不可用");
        assertEquals(409, status(() -> analysis.confirm(CITY, food.id(), "需厘清")));
        assertEquals(ProposalState.PROPOSED, analysis.get(CITY, food.id()).state());
        assertFalse(analysis.confirm(CITY, food.id(), "需厘清").findingIds().isEmpty());
    }

    @Test
    void onlyTheOfficeAnalysesAndDecidesAndOnlyOfficesAndLeadersRead() {
        assertEquals(403, status(() -> analysis.analyse(LIJIN, "370500")));
        assertEquals(403, status(() -> analysis.analyse(UNIT_USER, "370500")));
        assertEquals(403, status(() -> analysis.analyse(LEADER, "370500")));
        assertEquals(404, status(() -> analysis.analyse(CITY, "999999")));
        assertEquals(400, status(() -> analysis.analyse(CITY, " ")));
        assertTrue(analysis.proposals(CITY, "370500", null, null).isEmpty(), "nothing written by the refusals");
        analysis.analyse(CITY, "370500");
        long id = analysis.proposals(LEADER, "370500", null, null).get(0).id();
        assertEquals(403, status(() -> analysis.proposals(LIJIN, "370500", null, null)));
        assertEquals(403, status(() -> analysis.proposals(UNIT_USER, "370500", null, null)));
        assertEquals(403, status(() -> analysis.get(LIJIN, id)));
        assertEquals(403, status(() -> analysis.get(UNIT_USER, id)));
        assertEquals(403, status(() -> analysis.dismiss(LEADER, id, "不成立")));
        assertEquals(403, status(() -> analysis.confirm(LIJIN, id, "成立")));
        assertEquals(404, status(() -> analysis.get(CITY, 987_654)));
        assertEquals(ProposalState.PROPOSED, analysis.get(CITY, id).state());
        // a county analysis never sees the city's units
        analysis.analyse(LIJIN, "370522");
        assertTrue(analysis.proposals(LIJIN, "370522", null, null).isEmpty());
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (SupervisionException e) {
            return ProblemStatus.of(e.kind());
        }
    }
}
