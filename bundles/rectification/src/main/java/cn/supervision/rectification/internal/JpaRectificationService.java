package cn.supervision.rectification.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;

import cn.supervision.api.followup.FindingService;
import cn.supervision.api.notification.NotificationService;
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
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;

/**
 * Rectification over JPA. Every step loads the notice and asks {@link cn.supervision.api.security.Access} (through the
 * registry) before anything else ({@link NoticeAccess}), moves the state machines of {@link Transitions} and appends an
 * event ({@link StateMoves}); messages are sent after the transaction ({@link Messenger}), so a notifier never undoes a
 * recorded step. The work is done by {@link Notices}, {@link ItemSteps}, {@link Visits}, {@link Escalations},
 * {@link EvidenceStore} and {@link Oversight}; the daily {@link DeadlinePass} shares this service's parts.
 */
public class JpaRectificationService implements RectificationService {
    // shared with the DeadlinePass that Blueprint builds from this service
    final JpaTemplate jpa;
    final Settings settings;
    final StateMoves moves;
    final Messenger messenger;

    private final RecordClock clock = new RecordClock();
    private final Notices notices;
    private final ItemSteps steps;
    private final Visits visits;
    private final Escalations escalations;
    private final EvidenceStore evidenceStore;
    private final Oversight oversight;

    public JpaRectificationService(JpaTemplate jpa, RegistryService registry, FindingService findings,
                                   NotificationService notifications, Settings settings) {
        this.jpa = jpa;
        this.settings = settings;
        this.moves = new StateMoves(clock);
        this.messenger = new Messenger(notifications);
        NoticeAccess access = new NoticeAccess(jpa, registry);
        this.notices = new Notices(jpa, registry, access, findings, messenger, clock, settings);
        this.steps = new ItemSteps(jpa, access, moves, messenger, clock, settings);
        this.visits = new Visits(jpa, access, moves, findings, messenger, clock, settings);
        this.escalations = new Escalations(jpa, access, messenger, clock);
        this.evidenceStore = new EvidenceStore(jpa, access, clock);
        this.oversight = new Oversight(jpa, access);
    }

    /** For tests: the clock of records and of "today". */
    public void setClock(Clock clock) {
        this.clock.set(clock);
    }

    // ------------------------------------------------------------------ issue and read

    @Override
    public Notice issue(Caller caller, NoticeDraft draft) {
        return notices.issue(caller, draft);
    }

    @Override
    public List<Notice> list(Caller caller, String jurisdictionCode, Long unitId, NoticeState state) {
        return notices.list(caller, jurisdictionCode, unitId, state);
    }

    @Override
    public Notice get(Caller caller, long noticeId) {
        return notices.get(caller, noticeId);
    }

    @Override
    public List<RectificationEvent> history(Caller caller, long noticeId) {
        return notices.history(caller, noticeId);
    }

    // ------------------------------------------------------------------ the unit's answers and the office's review

    @Override
    public Item plan(Caller caller, long noticeId, long itemId, PlanDraft plan) {
        return steps.plan(caller, noticeId, itemId, plan);
    }

    @Override
    public Item progress(Caller caller, long noticeId, long itemId, String report) {
        return steps.progress(caller, noticeId, itemId, report);
    }

    @Override
    public Item claim(Caller caller, long noticeId, long itemId, String note) {
        return steps.claim(caller, noticeId, itemId, note);
    }

    @Override
    public Item review(Caller caller, long noticeId, long itemId, boolean accept, String reason) {
        return steps.review(caller, noticeId, itemId, accept, reason);
    }

    // ------------------------------------------------------------------ visits and escalation

    @Override
    public Visit recordVisit(Caller caller, long noticeId, VisitDraft visit) {
        return visits.record(caller, noticeId, visit);
    }

    @Override
    public Escalation escalate(Caller caller, long noticeId, EscalationDraft draft) {
        return escalations.escalate(caller, noticeId, draft);
    }

    @Override
    public Escalation confirm(Caller caller, long noticeId, long escalationId, EscalationDraft held) {
        return escalations.confirm(caller, noticeId, escalationId, held);
    }

    @Override
    public Escalation dismiss(Caller caller, long noticeId, long escalationId, String reason) {
        return escalations.dismiss(caller, noticeId, escalationId, reason);
    }

    // ------------------------------------------------------------------ evidence

    @Override
    public void checkItemEvidenceUpload(Caller caller, long noticeId, long itemId) {
        evidenceStore.checkItemUpload(caller, noticeId, itemId);
    }

    @Override
    public RectificationEvidence attachItemEvidence(Caller caller, long noticeId, long itemId, String fileName, byte[] content) {
        return evidenceStore.attachToItem(caller, noticeId, itemId, fileName, content);
    }

    @Override
    public void checkVisitEvidenceUpload(Caller caller, long noticeId, long visitId) {
        evidenceStore.checkVisitUpload(caller, noticeId, visitId);
    }

    @Override
    public RectificationEvidence attachVisitEvidence(Caller caller, long noticeId, long visitId, String fileName, byte[] content) {
        return evidenceStore.attachToVisit(caller, noticeId, visitId, fileName, content);
    }

    @Override
    public List<RectificationEvidence> evidence(Caller caller, long noticeId) {
        return evidenceStore.list(caller, noticeId);
    }

    @Override
    public byte[] evidenceContent(Caller caller, long noticeId, long evidenceId) {
        return evidenceStore.content(caller, noticeId, evidenceId);
    }

    // ------------------------------------------------------------------ listings for partners and the shell

    @Override
    public List<Item> overdue(Caller caller, String jurisdictionCode) {
        return oversight.overdue(caller, jurisdictionCode);
    }

    @Override
    public List<UnitRectificationStatus> statusByUnit(Caller caller, String jurisdictionCode, int year) {
        return oversight.statusByUnit(caller, jurisdictionCode, year);
    }
}
