package cn.supervision.rectification.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.rectification.internal.Fixture.CITY;
import static cn.supervision.rectification.internal.Fixture.GUANGRAO;
import static cn.supervision.rectification.internal.Fixture.LEADER;
import static cn.supervision.rectification.internal.Fixture.LIJIN;
import static cn.supervision.rectification.internal.Fixture.LIJIN_JYJ;
import static cn.supervision.rectification.internal.Fixture.LIJIN_SWJ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.followup.FindingState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Escalation;
import cn.supervision.api.rectification.EscalationDraft;
import cn.supervision.api.rectification.EscalationKind;
import cn.supervision.api.rectification.EscalationState;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.PlanDraft;
import cn.supervision.api.rectification.RectificationEvent;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.rectification.VisitDraft;
import cn.supervision.api.rectification.VisitResult;

class RectificationServiceTest {
    private Fixture f;
    private JpaRectificationService service;

    @BeforeEach
    void start() {
        f = new Fixture();
        service = f.service;
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage() + " " + e.errors());
        return e;
    }

    static byte[] pdf() {
        return "%PDF-1.4 整改报告".getBytes(StandardCharsets.UTF_8);
    }

    private Notice issued() {
        long a = f.finding(11, "370522", "防汛应急预案未按职责修订");
        long b = f.finding(11, "370522", "河长制巡查记录不全");
        return service.issue(LIJIN, f.draft(11, null, a, b));
    }

    @Test
    void issueNumbersTheNoticeTakesUpTheFindingsAndTellsTheUnit() {
        Notice n = issued();
        assertEquals("〔2026〕1号", n.number());
        assertEquals(LocalDate.of(2026, 12, 30), n.deadline(), "default 30 days from issue");
        assertEquals(NoticeState.ISSUED, n.state());
        assertEquals(2, n.items().size());
        assertTrue(n.items().stream().allMatch(i -> i.state() == ItemState.NOTIFIED));
        assertEquals(List.of("1→IN_RECTIFICATION", "2→IN_RECTIFICATION"), f.moves);
        assertEquals(n.id(), f.findings.get(1L).noticeId());
        assertEquals("unit:370522/LJSWJ", f.sent("RECTIFICATION_ISSUED").get(0).to());
        long c = f.finding(12, "370522", "课后服务经费管理不规范");
        assertEquals("〔2026〕2号", service.issue(LIJIN, f.draft(12, null, c)).number(), "numbered per office and year");
        f.settings.setDefaultDeadlineDays(10);
        long d = f.finding(12, "370522", "另一个问题");
        assertEquals(f.today().plusDays(10), service.issue(LIJIN, f.draft(12, null, d)).deadline(), "the configured default");
    }

    @Test
    void badNoticesAreRefusedAndNothingIsWritten() {
        long a = f.finding(11, "370522", "问题");
        SupervisionException past = refused(ProblemKind.INVALID, () -> service.issue(LIJIN, f.draft(11, f.today().minusDays(1), a)));
        assertTrue(past.errors().stream().anyMatch(e -> e.field().equals("deadline")));
        refused(ProblemKind.INVALID, () -> service.issue(LIJIN, f.draft(11, null)));
        refused(ProblemKind.INVALID, () -> service.issue(LIJIN, f.draft(11, null, a, a)));
        refused(ProblemKind.INVALID, () -> service.issue(LIJIN, new cn.supervision.api.rectification.NoticeDraft("370522", 11L, List.of(a), null, " ")));
        refused(ProblemKind.INVALID, () -> service.issue(LIJIN, f.draft(12, null, a)));
        long city = f.finding(21, "370500", "市级问题");
        refused(ProblemKind.FORBIDDEN, () -> service.issue(LIJIN, f.draft(21, null, city)));
        assertEquals(List.of(), service.list(LIJIN, "370522", null, null));
        assertEquals(List.of(), f.moves);
        service.issue(LIJIN, f.draft(11, null, a));
        refused(ProblemKind.CONFLICT, () -> service.issue(LIJIN, f.draft(11, null, a)));
    }

    @Test
    void onlyTheOwnOfficeIssuesReviewsVisitsAndEscalates() {
        long a = f.finding(11, "370522", "问题");
        refused(ProblemKind.FORBIDDEN, () -> service.issue(GUANGRAO, f.draft(11, null, a)));
        refused(ProblemKind.FORBIDDEN, () -> service.issue(CITY, f.draft(11, null, a)));
        refused(ProblemKind.FORBIDDEN, () -> service.issue(LIJIN_SWJ, f.draft(11, null, a)));
        refused(ProblemKind.FORBIDDEN, () -> service.issue(LEADER, f.draft(11, null, a)));
        Notice n = service.issue(LIJIN, f.draft(11, null, a));
        long item = n.items().get(0).id();
        refused(ProblemKind.FORBIDDEN, () -> service.review(LIJIN_SWJ, n.id(), item, true, null));
        refused(ProblemKind.FORBIDDEN, () -> service.review(GUANGRAO, n.id(), item, true, null));
        refused(ProblemKind.FORBIDDEN, () -> service.review(CITY, n.id(), item, true, null));
        refused(ProblemKind.FORBIDDEN, () -> service.recordVisit(CITY, n.id(), new VisitDraft(f.today(), VisitResult.RECTIFIED, "好")));
        refused(ProblemKind.FORBIDDEN, () -> service.escalate(GUANGRAO, n.id(), talk()));
        refused(ProblemKind.FORBIDDEN, () -> service.plan(LIJIN, n.id(), item, plan(f.today())));
        refused(ProblemKind.FORBIDDEN, () -> service.plan(LIJIN_JYJ, n.id(), item, plan(f.today())));
        refused(ProblemKind.FORBIDDEN, () -> service.checkItemEvidenceUpload(LIJIN_JYJ, n.id(), item));
        refused(ProblemKind.FORBIDDEN, () -> service.checkItemEvidenceUpload(GUANGRAO, n.id(), item));
    }

    @Test
    void whoSeesWhat() {
        Notice n = issued();
        long c = f.finding(12, "370522", "教育局的问题");
        Notice other = service.issue(LIJIN, f.draft(12, null, c));
        assertEquals(List.of(n.id()), service.list(LIJIN_SWJ, null, null, null).stream().map(Notice::id).toList());
        assertEquals(List.of(other.id()), service.list(LIJIN_JYJ, null, null, null).stream().map(Notice::id).toList());
        assertEquals(2, service.list(LIJIN, null, null, null).size());
        assertEquals(2, service.list(CITY, "370522", null, null).size(), "a notice is notified: the city reads it");
        assertEquals(2, service.list(LEADER, "370522", null, null).size());
        refused(ProblemKind.FORBIDDEN, () -> service.list(GUANGRAO, "370522", null, null));
        refused(ProblemKind.FORBIDDEN, () -> service.get(LIJIN_JYJ, n.id()));
        refused(ProblemKind.FORBIDDEN, () -> service.get(GUANGRAO, n.id()));
        refused(ProblemKind.FORBIDDEN, () -> service.history(LIJIN_JYJ, n.id()));
        refused(ProblemKind.FORBIDDEN, () -> service.evidence(LIJIN_JYJ, n.id()));
        refused(ProblemKind.NOT_FOUND, () -> service.get(LIJIN, 999));
        assertEquals(n.id(), service.get(LIJIN_SWJ, n.id()).id());
        refused(ProblemKind.FORBIDDEN, () -> service.statusByUnit(GUANGRAO, "370522", 2026));
        assertEquals(List.of("LJSWJ"), service.statusByUnit(LIJIN_SWJ, "370522", 2026).stream().map(UnitRectificationStatus::unitCode).toList());
    }

    @Test
    void theWholeWayToClosedWithAFailedVisitAndATalk() {
        Notice n = issued();
        long i1 = n.items().get(0).id();
        long i2 = n.items().get(1).id();
        SupervisionException late = refused(ProblemKind.INVALID, () -> service.plan(LIJIN_SWJ, n.id(), i1, plan(n.deadline().plusDays(1))));
        assertTrue(late.errors().get(0).message().contains(n.deadline().toString()));
        SupervisionException notPlanned = refused(ProblemKind.CONFLICT, () -> service.claim(LIJIN_SWJ, n.id(), i1, null));
        assertTrue(notPlanned.getMessage().contains("NOTIFIED"), notPlanned.getMessage());
        Item planned = service.plan(LIJIN_SWJ, n.id(), i1, plan(f.today().plusDays(20)));
        assertEquals(ItemState.PLANNED, planned.state());
        assertEquals("王伟（县水务局副局长）", planned.responsiblePerson());
        service.plan(LIJIN_SWJ, n.id(), i2, plan(f.today().plusDays(25)));
        assertEquals(ItemState.IN_PROGRESS, service.progress(LIJIN_SWJ, n.id(), i1, "已起草修订稿，征求意见中").state());
        refused(ProblemKind.INVALID, () -> service.progress(LIJIN_SWJ, n.id(), i1, " "));
        SupervisionException noEvidence = refused(ProblemKind.INVALID, () -> service.claim(LIJIN_SWJ, n.id(), i1, "已完成"));
        assertEquals("evidence", noEvidence.errors().get(0).field());
        refused(ProblemKind.UNSUPPORTED_TYPE, () -> service.attachItemEvidence(LIJIN_SWJ, n.id(), i1, "报告.exe", pdf()));
        refused(ProblemKind.TOO_LARGE, () -> service.attachItemEvidence(LIJIN_SWJ, n.id(), i1, "报告.pdf", new byte[(int) cn.supervision.api.evidence.EvidenceFile.MAX_BYTES + 1]));
        var ev = service.attachItemEvidence(LIJIN_SWJ, n.id(), i1, "修订后的预案.pdf", pdf());
        assertEquals(64, ev.sha256().length());
        assertEquals(List.of(pdf().length), List.of((int) ev.size()));
        service.attachItemEvidence(LIJIN_SWJ, n.id(), i2, "巡查记录.xlsx", pdf());
        refused(ProblemKind.CONFLICT, () -> service.review(LIJIN, n.id(), i1, true, null));
        assertEquals(ItemState.CLAIMED, service.claim(LIJIN_SWJ, n.id(), i1, "预案已印发").state());
        assertEquals(ItemState.CLAIMED, service.claim(LIJIN_SWJ, n.id(), i2, null).state());
        assertEquals(2, f.sent("RECTIFICATION_CLAIMED").size());
        refused(ProblemKind.CONFLICT, () -> service.attachItemEvidence(LIJIN_SWJ, n.id(), i1, "又一份.pdf", pdf()));
        refused(ProblemKind.INVALID, () -> service.review(LIJIN, n.id(), i2, false, " "));
        assertEquals(ItemState.RETURNED, service.review(LIJIN, n.id(), i2, false, "巡查记录缺 10 月").state());
        assertEquals(ItemState.ACCEPTED, service.review(LIJIN, n.id(), i1, true, null).state());
        assertEquals(NoticeState.ISSUED, service.get(LIJIN, n.id()).state(), "one item still open");
        refused(ProblemKind.CONFLICT, () -> service.recordVisit(LIJIN, n.id(), new VisitDraft(f.today(), VisitResult.RECTIFIED, "回访")));
        refused(ProblemKind.CONFLICT, () -> service.escalate(LIJIN, n.id(), talk()));
        service.attachItemEvidence(LIJIN_SWJ, n.id(), i2, "补充记录.pdf", pdf());
        service.claim(LIJIN_SWJ, n.id(), i2, "已补齐");
        service.review(LIJIN, n.id(), i2, true, null);
        Notice accepted = service.get(LIJIN, n.id());
        assertEquals(NoticeState.AWAITING_VISIT, accepted.state());
        assertEquals(f.today().plusDays(90), accepted.nextVisitOn());
        assertEquals(1, accepted.visits().size());

        refused(ProblemKind.INVALID, () -> service.recordVisit(LIJIN, n.id(), new VisitDraft(f.today().plusDays(1), VisitResult.RECTIFIED, "未来")));
        refused(ProblemKind.INVALID, () -> service.recordVisit(LIJIN, n.id(), new VisitDraft(f.today(), null, "")));
        var failed = service.recordVisit(LIJIN, n.id(), new VisitDraft(f.today(), VisitResult.NOT_RECTIFIED, "巡查制度未落实到村"));
        assertEquals(VisitResult.NOT_RECTIFIED, failed.result());
        Notice afterFail = service.get(LIJIN, n.id());
        assertEquals(NoticeState.VISIT_FAILED, afterFail.state());
        assertTrue(afterFail.items().stream().allMatch(i -> i.state() == ItemState.VISIT_FAILED));
        assertEquals(f.today().plusDays(30), afterFail.nextVisitOn(), "the next visit is scheduled");
        service.attachVisitEvidence(LIJIN, n.id(), failed.id(), "回访记录.jpg", pdf());
        refused(ProblemKind.FORBIDDEN, () -> service.attachVisitEvidence(LIJIN_SWJ, n.id(), failed.id(), "回访记录.jpg", pdf()));

        SupervisionException noMinutes = refused(ProblemKind.INVALID, () -> service.escalate(LIJIN, n.id(),
                new EscalationDraft(EscalationKind.ADMONITORY_TALK, f.today(), null, null, "回访整改不到位")));
        assertEquals(List.of("participants", "minutes"), noMinutes.errors().stream().map(e -> e.field()).toList());
        refused(ProblemKind.INVALID, () -> service.escalate(LIJIN, n.id(), new EscalationDraft(EscalationKind.ADMONITORY_TALK, f.today().plusDays(2),
                "张三", "纪要", "理由")));
        Escalation talk = service.escalate(LIJIN, n.id(), talk());
        assertEquals(EscalationState.RECORDED, talk.state());
        assertEquals("县委编办副主任李明；县水务局局长赵刚", talk.participants());
        Escalation criticism = service.escalate(LIJIN, n.id(), new EscalationDraft(EscalationKind.CIRCULATED_CRITICISM, f.today(), null,
                "关于县水务局整改不到位的通报", "约谈后仍未落实"));
        assertEquals(EscalationKind.CIRCULATED_CRITICISM, criticism.kind());
        refused(ProblemKind.CONFLICT, () -> service.dismiss(LIJIN, n.id(), talk.id(), "已实施的不能撤销"));

        service.progress(LIJIN_SWJ, n.id(), i1, "已逐村落实巡查制度");
        service.recordVisit(LIJIN, n.id(), new VisitDraft(f.today(), VisitResult.RECTIFIED, "逐村抽查，整改到位"));
        Notice closed = service.get(LIJIN_SWJ, n.id());
        assertEquals(NoticeState.CLOSED, closed.state());
        assertNull(closed.nextVisitOn());
        assertTrue(closed.items().stream().allMatch(i -> i.state() == ItemState.CLOSED));
        assertEquals(FindingState.RECTIFIED, f.findings.get(1L).state());
        assertEquals(FindingState.RECTIFIED, f.findings.get(2L).state());
        refused(ProblemKind.CONFLICT, () -> service.recordVisit(LIJIN, n.id(), new VisitDraft(f.today(), VisitResult.RECTIFIED, "再次")));
        refused(ProblemKind.CONFLICT, () -> service.progress(LIJIN_SWJ, n.id(), i1, "办结后"));

        List<RectificationEvent> history = service.history(LIJIN_SWJ, n.id());
        assertEquals("ISSUED", history.get(0).kind());
        assertTrue(history.stream().anyMatch(e -> "RETURN".equals(e.kind()) && "巡查记录缺 10 月".equals(e.text())
                && "lijin-admin".equals(e.actor())));
        assertTrue(history.stream().anyMatch(e -> "VISIT_FAIL".equals(e.kind()) && "AWAITING_VISIT".equals(e.fromState())));
        assertTrue(history.stream().anyMatch(e -> "ESCALATION".equals(e.kind())));
        assertEquals(3, service.evidence(CITY, n.id()).stream().filter(e -> e.itemId() != null).count());
        assertTrue(new String(service.evidenceContent(LIJIN_SWJ, n.id(), service.evidence(LIJIN, n.id()).get(0).id()),
                StandardCharsets.UTF_8).startsWith("%PDF"));
        UnitRectificationStatus status = service.statusByUnit(CITY, "370522", 2026).get(0);
        assertEquals(List.of(1, 2, 2, 0, 0, 2), List.of(status.notices(), status.items(), status.closedItems(), status.overdueItems(),
                status.openItems(), status.escalations()));
    }

    private EscalationDraft talk() {
        return new EscalationDraft(EscalationKind.ADMONITORY_TALK, f.today(), "县委编办副主任李明；县水务局局长赵刚",
                "指出回访发现的问题，要求 30 日内整改到位", "回访整改不到位");
    }

    private static PlanDraft plan(LocalDate due) {
        return new PlanDraft("修订预案并报县政府审定", "王伟（县水务局副局长）", due);
    }
}
