package cn.supervision.finding.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.finding.internal.Fixture.CITY;
import static cn.supervision.finding.internal.Fixture.GUANGRAO;
import static cn.supervision.finding.internal.Fixture.LIJIN;
import static cn.supervision.finding.internal.Fixture.LJCZJ_USER;
import static cn.supervision.finding.internal.Fixture.NOW;
import static cn.supervision.finding.internal.FindingServiceTest.fields;
import static cn.supervision.finding.internal.FindingServiceTest.manual;
import static cn.supervision.finding.internal.FindingServiceTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.followup.AccountabilityDraft;
import cn.supervision.api.followup.AccountabilityKind;
import cn.supervision.api.followup.AccountabilityRecord;
import cn.supervision.api.followup.AccountabilityStatus;
import cn.supervision.api.followup.AccountabilityStep;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingState;

class AccountabilityServiceTest {
    private final Fixture fx = new Fixture();
    private final JpaAccountabilityService accountability = fx.accountability;

    @AfterEach
    void close() {
        fx.close();
    }

    private Finding countyFinding() {
        return fx.findings.create(LIJIN, "370522", manual(3, "超编进人 2 名"));
    }

    static AccountabilityDraft proposal() {
        return new AccountabilityDraft(AccountabilityKind.PROPOSAL_TO_PARTY_COMMITTEE, "建议县委对分管负责同志进行诫勉谈话",
                "分管副局长", "《东营市机构编制监督检查工作办法》第二十四条");
    }

    @Test
    void aRecordMovesProposedDecidedClosedWithEveryStepKept() {
        Finding f = countyFinding();
        AccountabilityRecord r = accountability.record(LIJIN, f.id(), proposal());
        assertEquals(AccountabilityStatus.PROPOSED, r.status());
        assertEquals("370522", r.jurisdictionCode());
        assertEquals(3, r.unitId());
        assertNull(r.outcome());

        assertEquals(List.of("note"), fields(refused(ProblemKind.INVALID, () -> accountability.moveTo(LIJIN, r.id(), AccountabilityStatus.DECIDED, " "))));
        assertEquals(List.of("to"), fields(refused(ProblemKind.INVALID, () -> accountability.moveTo(LIJIN, r.id(), null, "x"))));
        assertTrue(refused(ProblemKind.CONFLICT, () -> accountability.moveTo(LIJIN, r.id(), AccountabilityStatus.CLOSED, "办结")).getMessage().contains("PROPOSED"));
        AccountabilityRecord decided = accountability.moveTo(LIJIN, r.id(), AccountabilityStatus.DECIDED, "县委决定对其诫勉谈话");
        assertEquals("县委决定对其诫勉谈话", decided.outcome());
        assertTrue(refused(ProblemKind.CONFLICT, () -> accountability.moveTo(LIJIN, r.id(), AccountabilityStatus.DECIDED, "再次决定")).getMessage()
                .contains("DECIDED"));
        AccountabilityRecord closed = accountability.moveTo(LIJIN, r.id(), AccountabilityStatus.CLOSED, "已谈话，材料归档");
        assertEquals("县委决定对其诫勉谈话", closed.outcome(), "closing keeps the decision");
        assertEquals(List.of(new AccountabilityStep(null, AccountabilityStatus.PROPOSED, proposal().measure(), "lijin-admin", NOW),
                new AccountabilityStep(AccountabilityStatus.PROPOSED, AccountabilityStatus.DECIDED, "县委决定对其诫勉谈话", "lijin-admin", NOW),
                new AccountabilityStep(AccountabilityStatus.DECIDED, AccountabilityStatus.CLOSED, "已谈话，材料归档", "lijin-admin", NOW)),
                closed.history());
        assertTrue(refused(ProblemKind.CONFLICT, () -> accountability.moveTo(LIJIN, r.id(), AccountabilityStatus.CLOSED, "x")).getMessage().contains("CLOSED"));

        AccountabilityRecord second = accountability.record(LIJIN, f.id(), new AccountabilityDraft(AccountabilityKind.OFFICE_MEASURE,
                "约谈单位主要负责人", null, null));
        assertEquals(List.of(r.id(), second.id()), accountability.list(LIJIN, f.id()).stream().map(AccountabilityRecord::id).toList(),
                "several records per finding, oldest first");
    }

    @Test
    void invalidDraftsNameEveryFieldAndWithdrawnFindingsTakeNone() {
        Finding f = countyFinding();
        assertEquals(List.of("kind", "measure", "subject"), fields(refused(ProblemKind.INVALID, () -> accountability.record(LIJIN, f.id(),
                new AccountabilityDraft(null, " ", "人".repeat(Texts.MAX_SUBJECT + 1), null)))));
        assertEquals(List.of("body"), fields(refused(ProblemKind.INVALID, () -> accountability.record(LIJIN, f.id(), null))));
        fx.findings.withdraw(LIJIN, f.id(), "核实后不属实");
        assertTrue(refused(ProblemKind.CONFLICT, () -> accountability.record(LIJIN, f.id(), proposal())).getMessage().contains("WITHDRAWN"));
        refused(ProblemKind.NOT_FOUND, () -> accountability.record(LIJIN, 999, proposal()));
        assertEquals(List.of(), accountability.list(LIJIN, f.id()));
    }

    @Test
    void onlyTheFindingsOwnOfficeRecordsAndOthersReadOnlyDecidedRecordsOfNotifiedFindings() {
        Finding f = countyFinding();
        refused(ProblemKind.FORBIDDEN, () -> accountability.record(CITY, f.id(), proposal()));
        refused(ProblemKind.FORBIDDEN, () -> accountability.record(GUANGRAO, f.id(), proposal()));
        refused(ProblemKind.FORBIDDEN, () -> accountability.record(LJCZJ_USER, f.id(), proposal()));
        AccountabilityRecord r = accountability.record(LIJIN, f.id(), proposal());
        refused(ProblemKind.FORBIDDEN, () -> accountability.moveTo(CITY, r.id(), AccountabilityStatus.DECIDED, "市里决定"));
        refused(ProblemKind.FORBIDDEN, () -> accountability.get(CITY, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> accountability.list(CITY, f.id()));

        fx.findings.moveTo(LIJIN, f.id(), FindingState.IN_RECTIFICATION, 5L, null);
        assertEquals(List.of(), accountability.list(CITY, f.id()), "a proposal under deliberation stays in the county office");
        assertEquals(List.of(), accountability.list(LJCZJ_USER, f.id()));
        refused(ProblemKind.FORBIDDEN, () -> accountability.get(LJCZJ_USER, r.id()));

        accountability.moveTo(LIJIN, r.id(), AccountabilityStatus.DECIDED, "县委决定对其诫勉谈话");
        assertEquals(List.of(r.id()), accountability.list(CITY, f.id()).stream().map(AccountabilityRecord::id).toList());
        assertEquals(r.id(), accountability.get(LJCZJ_USER, r.id()).id());
        refused(ProblemKind.FORBIDDEN, () -> accountability.get(GUANGRAO, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> accountability.moveTo(LJCZJ_USER, r.id(), AccountabilityStatus.CLOSED, "自行办结"));
    }
}
