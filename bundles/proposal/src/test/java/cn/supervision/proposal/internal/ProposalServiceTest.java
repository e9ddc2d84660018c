package cn.supervision.proposal.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.proposal.ChangeKind;
import cn.supervision.api.proposal.Proposal;
import cn.supervision.api.proposal.ProposalChange;
import cn.supervision.api.proposal.ProposalDraft;
import cn.supervision.api.proposal.ProposalState;
import cn.supervision.api.proposal.ProposalTransition;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyRole;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.LocalJpaTemplate;

class ProposalServiceTest {
    static final Caller DRAFTER = new Caller("lijin-staff", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller HEAD = new Caller("lijin-head", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller GUANGRAO = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), "370523", null);
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller UNIT_USER = new Caller("lj-cz", Set.of(Role.UNIT_USER), "370522", "LJ-CZ");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.ofHours(8));

    static final Duty FINANCE_DUTY = new Duty(501L, 1, "负责全县财政收支管理。", DutyType.POLICY_PLANNING,
            List.of(new DutyLink("LJ-GGZY", 1, 601L, DutyRole.LEAD)));
    static final Unit FINANCE = unit(11, "LJ-CZ", "利津县财政局", "370522",
            new Mandate(List.of(FINANCE_DUTY, new Duty(502L, 2, "负责政府采购监督管理。", DutyType.INSPECTION, List.of())), List.of("办公室", "预算股"),
                    new Staffing(40, 5, 6)));
    static final Unit PROCUREMENT = unit(12, "LJ-GGZY", "利津县公共资源交易中心", "370522",
            new Mandate(List.of(new Duty(1, "负责公共资源交易平台运行。")), List.of("综合科"), new Staffing(0, 12, 2)));
    static final Unit FOREIGN = unit(21, "GR-CZ", "广饶县财政局", "370523", Mandate.EMPTY);

    private LocalJpaTemplate jpa;
    private Fakes.Registry registry;
    private Fakes.Findings findings;
    private JpaProposalService proposals;

    static Unit unit(long id, String code, String name, String jurisdiction, Mandate mandate) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE, mandate, 1,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static Finding finding(long id, String jurisdiction, Unit unit, FindingSource source) {
        return new Finding(id, jurisdiction, unit.id(), unit.name(), source, FindingCategory.DUTY_OVERLAP_GAP, Severity.SERIOUS,
                "政府采购监督与交易平台运行职责交叉", "2026 年度评估", FindingState.OPEN, null, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("proposal-test", "META-INF/proposal-test-persistence.xml");
        registry = new Fakes.Registry(List.of(FINANCE, PROCUREMENT, FOREIGN));
        findings = new Fakes.Findings(registry.access(), List.of(
                finding(1, "370522", FINANCE, FindingSource.campaign(7, "A.2.1", 3)),
                finding(2, "370522", PROCUREMENT, FindingSource.of(SourceKind.MANUAL, "巡察反馈")),
                finding(3, "370523", FOREIGN, FindingSource.of(SourceKind.MANUAL, "巡察反馈"))));
        proposals = new JpaProposalService(jpa, registry, findings, CLOCK);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static ProposalChange moveDuty(long from, int duty, long to) {
        return new ProposalChange(ChangeKind.MOVE_DUTY, from, to, duty, null, null, null, null, null, null);
    }

    static ProposalDraft draft(List<Long> findingIds, ProposalChange... changes) {
        return new ProposalDraft("关于厘清政府采购监督职责的处理意见", "依据第 19 条", findingIds, List.of(changes));
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void clarifyingADutyKeepsItsIdTypeAndLinks() {
        Proposal p = proposals.create(DRAFTER, "370522", draft(List.of(1L),
                new ProposalChange(ChangeKind.CLARIFY_DUTY, 11, 12L, 1, "负责全县财政收支管理，编制全县预算草案。", null, null, null, null, null)));
        proposals.submit(DRAFTER, p.id());
        proposals.approve(HEAD, p.id());
        proposals.apply(HEAD, p.id());

        assertEquals(List.of(new Duty(501L, 1, "负责全县财政收支管理，编制全县预算草案。", DutyType.POLICY_PLANNING, FINANCE_DUTY.links())),
                registry.units.get(11L).mandate().duties().subList(0, 1));
    }

    @Test
    void draftSubmitApproveApplyChangesTheUnitsAndTheirHistoryNamesTheProposal() {
        ProposalDraft d = new ProposalDraft("关于厘清政府采购监督职责的处理意见", "依据第 19 条", List.of(1L, 2L), List.of(
                moveDuty(11, 2, 12),
                new ProposalChange(ChangeKind.ADD_INTERNAL_BODY, 12, null, null, null, "监督科", null, null, null, null),
                new ProposalChange(ChangeKind.SET_STAFFING, 12, null, null, null, null, new Staffing(0, 14, 2), null, null, null),
                new ProposalChange(ChangeKind.INTAKE_PLAN, 12, null, null, null, null, null, "INSTITUTIONAL", 2, 2027)));
        Proposal p = proposals.create(DRAFTER, "370522", d);
        assertEquals(ProposalState.DRAFT, p.state());
        assertEquals(2, p.grounds().size());
        assertEquals(7L, p.grounds().get(0).campaignId(), "a campaign finding carries its score");
        assertEquals("A.2.1", p.grounds().get(0).indicatorCode());
        assertTrue(registry.revisions.isEmpty(), "drafting changes no unit");

        proposals.submit(DRAFTER, p.id());
        refused(ProblemKind.FORBIDDEN, () -> proposals.approve(DRAFTER, p.id()));
        Proposal approved = proposals.approve(HEAD, p.id());
        assertEquals("〔2026〕1号", approved.documentNumber());
        assertEquals("lijin-head", approved.approvedBy());

        Proposal applied = proposals.apply(HEAD, p.id());
        assertEquals(ProposalState.APPLIED, applied.state());
        Unit finance = registry.units.get(11L);
        Unit procurement = registry.units.get(12L);
        assertEquals(List.of(FINANCE_DUTY), finance.mandate().duties());
        assertEquals(List.of(new Duty(1, "负责公共资源交易平台运行。"), new Duty(null, 2, "负责政府采购监督管理。", DutyType.INSPECTION, List.of())),
                procurement.mandate().duties(), "the moved duty keeps its type; it is a new duty of the receiving unit");
        assertEquals(List.of("综合科", "监督科"), procurement.mandate().internalBodies());
        assertEquals(new Staffing(0, 14, 2), procurement.mandate().staffing());
        assertEquals(2, registry.revisions.size(), "one revision per unit touched, the intake plan writes none");
        registry.revisions.forEach(r -> assertEquals("机构编制处理意见 〔2026〕1号 (#" + p.id() + ")", r.reason()));

        List<ProposalTransition> history = proposals.history(DRAFTER, p.id());
        assertEquals(List.of(ProposalState.DRAFT, ProposalState.SUBMITTED, ProposalState.APPROVED, ProposalState.APPLIED),
                history.stream().map(ProposalTransition::to).toList());
        assertNull(history.get(0).from());
        assertEquals("lijin-head", history.get(3).by());

        Proposal second = proposals.create(DRAFTER, "370522", draft(List.of(1L),
                new ProposalChange(ChangeKind.REMOVE_INTERNAL_BODY, 11, null, null, null, "预算股", null, null, null, null)));
        proposals.submit(DRAFTER, second.id());
        assertEquals("〔2026〕2号", proposals.approve(HEAD, second.id()).documentNumber(), "numbers count up per year");
    }

    @Test
    void outOfOrderMovesAre409NamingTheStateAndReturnedProposalsAreRevised() {
        Proposal p = proposals.create(DRAFTER, "370522", draft(List.of(1L), moveDuty(11, 2, 12)));
        SupervisionException e = refused(ProblemKind.CONFLICT, () -> proposals.approve(HEAD, p.id()));
        assertTrue(e.getMessage().contains("草稿"), e.getMessage());
        refused(ProblemKind.CONFLICT, () -> proposals.apply(HEAD, p.id()));
        refused(ProblemKind.CONFLICT, () -> proposals.returnForRevision(HEAD, p.id(), "不清楚"));
        proposals.submit(DRAFTER, p.id());
        refused(ProblemKind.CONFLICT, () -> proposals.update(DRAFTER, p.id(), draft(List.of(1L), moveDuty(11, 1, 12))));
        refused(ProblemKind.CONFLICT, () -> proposals.submit(DRAFTER, p.id()));
        refused(ProblemKind.INVALID, () -> proposals.returnForRevision(HEAD, p.id(), " "));
        Proposal returned = proposals.returnForRevision(HEAD, p.id(), "请补充交易中心的人员安排");
        assertEquals(ProposalState.RETURNED, returned.state());
        assertEquals("请补充交易中心的人员安排", returned.reason());
        Proposal revised = proposals.update(DRAFTER, p.id(), draft(List.of(1L, 2L), moveDuty(11, 2, 12)));
        assertEquals(2, revised.grounds().size());
        proposals.submit(DRAFTER, p.id());
        proposals.approve(HEAD, p.id());
        proposals.apply(HEAD, p.id());
        SupervisionException again = refused(ProblemKind.CONFLICT, () -> proposals.apply(HEAD, p.id()));
        assertTrue(again.getMessage().contains("已执行"), again.getMessage());
        assertEquals(2, registry.units.get(12L).mandate().duties().size());
        assertEquals(List.of(ProposalState.DRAFT, ProposalState.SUBMITTED, ProposalState.RETURNED, ProposalState.SUBMITTED,
                ProposalState.APPROVED, ProposalState.APPLIED), proposals.history(HEAD, p.id()).stream().map(ProposalTransition::to).toList());
        assertEquals("请补充交易中心的人员安排", proposals.history(HEAD, p.id()).get(2).reason());
    }

    @Test
    void everyProblemOfADraftIsNamedAndNothingIsWritten() {
        SupervisionException shape = refused(ProblemKind.INVALID, () -> proposals.create(DRAFTER, "370522", new ProposalDraft(" ", null, List.of(),
                List.of(new ProposalChange(ChangeKind.MOVE_DUTY, 11, null, null, null, null, null, null, null, null),
                        new ProposalChange(ChangeKind.SET_STAFFING, 12, null, null, null, null, new Staffing(-1, 0, 0), null, null, null),
                        new ProposalChange(ChangeKind.INTAKE_PLAN, 12, null, null, null, null, null, "TEMPORARY", 0, 2025)))));
        assertEquals(List.of("title", "findingIds", "changes[0].dutyNumber", "changes[0].otherUnitId", "changes[1].staffing",
                "changes[2].slotKind", "changes[2].count", "changes[2].year"), fields(shape));

        SupervisionException grounds = refused(ProblemKind.INVALID, () -> proposals.create(DRAFTER, "370522",
                draft(List.of(3L, 99L), moveDuty(11, 2, 12))));
        assertEquals(List.of("findingIds[0]", "findingIds[1]"), fields(grounds));

        SupervisionException units = refused(ProblemKind.INVALID, () -> proposals.create(DRAFTER, "370522", draft(List.of(1L),
                moveDuty(11, 9, 12), moveDuty(11, 1, 21),
                new ProposalChange(ChangeKind.REMOVE_INTERNAL_BODY, 12, null, null, null, "监督科", null, null, null, null))));
        assertEquals(List.of("changes[0].dutyNumber", "changes[1].otherUnitId", "changes[2].internalBody"), fields(units));
        assertTrue(proposals.list(DRAFTER, "370522", null).isEmpty());
    }

    @Test
    void applyChecksEveryChangeAgainstTheUnitsAsTheyAreNowAndWritesNoneWhenOneNoLongerFits() {
        Proposal p = proposals.create(DRAFTER, "370522", draft(List.of(1L),
                new ProposalChange(ChangeKind.SET_STAFFING, 12, null, null, null, null, new Staffing(0, 14, 2), null, null, null),
                moveDuty(11, 2, 12)));
        proposals.submit(DRAFTER, p.id());
        proposals.approve(HEAD, p.id());
        // after approval, the registry moved on: the finance bureau lost its second duty another way
        registry.units.put(11L, unit(11, "LJ-CZ", "利津县财政局", "370522",
                new Mandate(List.of(new Duty(1, "负责全县财政收支管理。")), List.of(), new Staffing(40, 5, 6))));
        SupervisionException e = refused(ProblemKind.INVALID, () -> proposals.apply(HEAD, p.id()));
        assertEquals(List.of("changes[1].dutyNumber"), fields(e));
        assertTrue(registry.revisions.isEmpty(), "the staffing change that did fit was not written either");
        assertEquals(new Staffing(0, 12, 2), registry.units.get(12L).mandate().staffing());
        assertEquals(ProposalState.APPROVED, proposals.get(HEAD, p.id()).state());
    }

    @Test
    void authority() {
        Proposal p = proposals.create(DRAFTER, "370522", draft(List.of(1L), moveDuty(11, 2, 12)));
        refused(ProblemKind.FORBIDDEN, () -> proposals.create(GUANGRAO, "370522", draft(List.of(1L), moveDuty(11, 2, 12))));
        refused(ProblemKind.FORBIDDEN, () -> proposals.get(GUANGRAO, p.id()));
        refused(ProblemKind.FORBIDDEN, () -> proposals.list(GUANGRAO, "370522", null));
        assertTrue(proposals.list(GUANGRAO, null, null).isEmpty(), "another county lists none of ours");
        refused(ProblemKind.FORBIDDEN, () -> proposals.submit(GUANGRAO, p.id()));
        refused(ProblemKind.FORBIDDEN, () -> proposals.get(UNIT_USER, p.id()));
        refused(ProblemKind.FORBIDDEN, () -> proposals.submit(UNIT_USER, p.id()));
        refused(ProblemKind.FORBIDDEN, () -> proposals.create(UNIT_USER, "370522", draft(List.of(1L), moveDuty(11, 2, 12))));
        assertEquals(1, proposals.list(CITY, "370522", ProposalState.DRAFT).size(), "the city reads the counties' proposals");
        refused(ProblemKind.FORBIDDEN, () -> proposals.submit(CITY, p.id()));
        proposals.submit(DRAFTER, p.id());
        refused(ProblemKind.FORBIDDEN, () -> proposals.approve(CITY, p.id()));
        proposals.approve(HEAD, p.id());
        refused(ProblemKind.FORBIDDEN, () -> proposals.apply(CITY, p.id()));
        refused(ProblemKind.FORBIDDEN, () -> proposals.apply(GUANGRAO, p.id()));
        refused(ProblemKind.NOT_FOUND, () -> proposals.get(HEAD, 999));
        assertTrue(registry.revisions.isEmpty());
        assertEquals(List.of(p.id()), proposals.list(HEAD, null, ProposalState.APPROVED).stream().map(Proposal::id).toList());
    }

    static List<String> fields(SupervisionException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }
}
