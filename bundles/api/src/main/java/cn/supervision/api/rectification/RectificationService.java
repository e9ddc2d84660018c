package cn.supervision.api.rectification;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Rectification (整改, art. 21 of the measures). Authority through {@code Access}: the office of the notice's
 * jurisdiction manages (MANAGE_FOLLOWUP); the unit answers its own notices (ANSWER_RECTIFICATION, a notice is notified
 * by definition); a superior office and leaders read (READ_FOLLOWUP). Out-of-order steps are conflicts naming the
 * state.
 */
@ProviderType
public interface RectificationService {

    /** Issues a notice: numbered, its findings moved to IN_RECTIFICATION, the unit notified. */
    Notice issue(Caller caller, NoticeDraft draft);

    /** Notices the caller may read (a unit user: its own unit's only), newest first. */
    List<Notice> list(Caller caller, String jurisdictionCode, Long unitId, NoticeState state);

    Notice get(Caller caller, long noticeId);

    List<RectificationEvent> history(Caller caller, long noticeId);

    Item plan(Caller caller, long noticeId, long itemId, PlanDraft plan);

    Item progress(Caller caller, long noticeId, long itemId, String report);

    /** Refuses (unauthenticated, forbidden, not found or conflict) before an upload's body is read. */
    void checkItemEvidenceUpload(Caller caller, long noticeId, long itemId);

    RectificationEvidence attachItemEvidence(Caller caller, long noticeId, long itemId, String fileName, byte[] content);

    void checkVisitEvidenceUpload(Caller caller, long noticeId, long visitId);

    RectificationEvidence attachVisitEvidence(Caller caller, long noticeId, long visitId, String fileName, byte[] content);

    List<RectificationEvidence> evidence(Caller caller, long noticeId);

    byte[] evidenceContent(Caller caller, long noticeId, long evidenceId);

    /** The unit claims an item done (needs at least one evidence file). */
    Item claim(Caller caller, long noticeId, long itemId, String note);

    /** The office accepts (销号) or returns a claimed item with a reason. */
    Item review(Caller caller, long noticeId, long itemId, boolean accept, String reason);

    Visit recordVisit(Caller caller, long noticeId, VisitDraft visit);

    /** 约谈 / 通报批评 recorded directly: only once an item is overdue or a visit failed. */
    Escalation escalate(Caller caller, long noticeId, EscalationDraft draft);

    /** A proposed escalation held: date, participants, minutes. */
    Escalation confirm(Caller caller, long noticeId, long escalationId, EscalationDraft held);

    Escalation dismiss(Caller caller, long noticeId, long escalationId, String reason);

    /** Items in state OVERDUE the caller may read, in a jurisdiction (null: the caller's own). */
    List<Item> overdue(Caller caller, String jurisdictionCode);

    /** Per unit of the jurisdiction: notices issued in {@code year} and where their items stand. */
    List<UnitRectificationStatus> statusByUnit(Caller caller, String jurisdictionCode, int year);
}
