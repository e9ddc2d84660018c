package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.rectification.Escalation;
import cn.supervision.api.rectification.EscalationDraft;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeDraft;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.PlanDraft;
import cn.supervision.api.rectification.RectificationEvent;
import cn.supervision.api.rectification.RectificationEvidence;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.rectification.Visit;
import cn.supervision.api.rectification.VisitDraft;
import cn.supervision.api.security.Caller;

/**
 * A {@link RectificationService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeRectificationService implements RectificationService {
    @Override
    public Notice issue(Caller caller, NoticeDraft draft) {
        throw unused("issue");
    }

    @Override
    public List<Notice> list(Caller caller, String jurisdictionCode, Long unitId, NoticeState state) {
        throw unused("list");
    }

    @Override
    public Notice get(Caller caller, long noticeId) {
        throw unused("get");
    }

    @Override
    public List<RectificationEvent> history(Caller caller, long noticeId) {
        throw unused("history");
    }

    @Override
    public Item plan(Caller caller, long noticeId, long itemId, PlanDraft plan) {
        throw unused("plan");
    }

    @Override
    public Item progress(Caller caller, long noticeId, long itemId, String report) {
        throw unused("progress");
    }

    @Override
    public void checkItemEvidenceUpload(Caller caller, long noticeId, long itemId) {
        throw unused("checkItemEvidenceUpload");
    }

    @Override
    public RectificationEvidence attachItemEvidence(Caller caller, long noticeId, long itemId, String fileName, byte[] content) {
        throw unused("attachItemEvidence");
    }

    @Override
    public void checkVisitEvidenceUpload(Caller caller, long noticeId, long visitId) {
        throw unused("checkVisitEvidenceUpload");
    }

    @Override
    public RectificationEvidence attachVisitEvidence(Caller caller, long noticeId, long visitId, String fileName, byte[] content) {
        throw unused("attachVisitEvidence");
    }

    @Override
    public List<RectificationEvidence> evidence(Caller caller, long noticeId) {
        throw unused("evidence");
    }

    @Override
    public byte[] evidenceContent(Caller caller, long noticeId, long evidenceId) {
        throw unused("evidenceContent");
    }

    @Override
    public Item claim(Caller caller, long noticeId, long itemId, String note) {
        throw unused("claim");
    }

    @Override
    public Item review(Caller caller, long noticeId, long itemId, boolean accept, String reason) {
        throw unused("review");
    }

    @Override
    public Visit recordVisit(Caller caller, long noticeId, VisitDraft visit) {
        throw unused("recordVisit");
    }

    @Override
    public Escalation escalate(Caller caller, long noticeId, EscalationDraft draft) {
        throw unused("escalate");
    }

    @Override
    public Escalation confirm(Caller caller, long noticeId, long escalationId, EscalationDraft held) {
        throw unused("confirm");
    }

    @Override
    public Escalation dismiss(Caller caller, long noticeId, long escalationId, String reason) {
        throw unused("dismiss");
    }

    @Override
    public List<Item> overdue(Caller caller, String jurisdictionCode) {
        throw unused("overdue");
    }

    @Override
    public List<UnitRectificationStatus> statusByUnit(Caller caller, String jurisdictionCode, int year) {
        throw unused("statusByUnit");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("RectificationService." + method + " is not used by this test");
    }
}
