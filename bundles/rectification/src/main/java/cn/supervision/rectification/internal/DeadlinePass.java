package cn.supervision.rectification.internal;

import static cn.supervision.rectification.internal.Texts.abbreviate;
import static cn.supervision.rectification.internal.Texts.link;
import static cn.supervision.rectification.internal.Texts.number;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.notification.Message;
import cn.supervision.api.rectification.EscalationKind;
import cn.supervision.api.rectification.EscalationState;
import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.NoticeEvent;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.rectification.internal.model.EscalationEntity;
import cn.supervision.rectification.internal.model.EventEntity;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;
import cn.supervision.rectification.internal.model.ReminderEntity;

/**
 * The scheduler's daily "rectification-deadlines" pass. Marks unclaimed items of open notices OVERDUE from deadline +
 * grace, reminds the unit once per item when its deadline comes within the reminder window, tells the office once per
 * item when it goes overdue, and proposes one 约谈 per notice when an item has been overdue for the configured days.
 * Notices are decided in groups of {@value #GROUP} per transaction and their messages go out once the group is
 * committed; the reminder table makes every message once-only, so a second run the same day changes and sends nothing.
 */
public class DeadlinePass implements ScheduledPass {
    public static final String NAME = "rectification-deadlines";
    static final int GROUP = 100;
    private static final Set<ItemState> UNCLAIMED = EnumSet.of(ItemState.NOTIFIED, ItemState.PLANNED, ItemState.IN_PROGRESS, ItemState.RETURNED);
    private static final String SYSTEM = "system:rectification-deadlines";

    private final JpaTemplate jpa;
    private final Settings settings;
    private final StateMoves moves;
    private final Messenger messenger;

    /** Blueprint's: the pass works on the service's own store, settings, clock and notifications. */
    public DeadlinePass(JpaRectificationService service) {
        this.jpa = service.jpa;
        this.settings = service.settings;
        this.moves = service.moves;
        this.messenger = service.messenger;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassResult run(Instant now) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(now, RecordClock.ZONE);
        // one read of every open notice, its items, what was sent and which talks exist: only notices with something
        // to do get a transaction of their own (which decides again on fresh rows)
        Snapshot snapshot = jpa.txExpr(TransactionType.Supports, em -> snapshot(em));
        long examined = 0;
        long changed = 0;
        List<String> notes = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        for (NoticeEntity open : snapshot.notices) {
            List<ItemEntity> items = snapshot.items.getOrDefault(open.getId(), List.of());
            if (due(open, items, snapshot, today)) {
                due.add(open.getId());
            } else {
                examined += items.size();
            }
        }
        // notices with something to do are decided in groups, one transaction each: a transaction per notice cost more
        // than the work itself on the day a whole year's notices go overdue at once
        for (int from = 0; from < due.size(); from += GROUP) {
            List<Long> group = due.subList(from, Math.min(due.size(), from + GROUP));
            List<Outcome> outcomes = jpa.txExpr(TransactionType.Required, em -> group.stream()
                    .map(id -> decide(em, em.find(NoticeEntity.class, id), today, now.toEpochMilli())).toList());
            for (Outcome o : outcomes) {
                examined += o.examined;
                changed += o.changed;
                o.send(messenger);
                notes.addAll(o.notes);
            }
        }
        return new PassResult(NAME, now, examined, changed, (System.nanoTime() - started) / 1_000_000,
                notes.size() > 100 ? List.copyOf(notes.subList(0, 100)) : List.copyOf(notes), null);
    }

    /** Open notices with their items, the reminders already sent (kind:itemId) and the notices with a talk proposed or held. */
    private record Snapshot(List<NoticeEntity> notices, Map<Long, List<ItemEntity>> items, Set<String> sent, Set<Long> talks) { }

    private static Snapshot snapshot(EntityManager em) {
        // joins rather than IN (subquery): Derby evaluates the latter row by row
        String open = "(n.state = :a or n.state = :b)";
        List<NoticeEntity> notices = em.createQuery("select n from NoticeEntity n where " + open + " order by n.id",
                NoticeEntity.class).setParameter("a", NoticeState.ISSUED).setParameter("b", NoticeState.OVERDUE).getResultList();
        Map<Long, List<ItemEntity>> items = em.createQuery("select i from ItemEntity i, NoticeEntity n where i.noticeId = n.id and " + open
                + " order by i.id", ItemEntity.class).setParameter("a", NoticeState.ISSUED).setParameter("b", NoticeState.OVERDUE)
                .getResultList().stream().collect(Collectors.groupingBy(ItemEntity::getNoticeId));
        Set<String> sent = em.createQuery("select r from ReminderEntity r, ItemEntity i, NoticeEntity n where r.itemId = i.id "
                + "and i.noticeId = n.id and " + open, ReminderEntity.class).setParameter("a", NoticeState.ISSUED)
                .setParameter("b", NoticeState.OVERDUE).getResultList().stream().map(r -> r.getKind() + ":" + r.getItemId())
                .collect(Collectors.toSet());
        Set<Long> talks = new HashSet<>(em.createQuery("select e.noticeId from EscalationEntity e, NoticeEntity n where e.noticeId = n.id "
                + "and e.kind = :k and e.state <> :d and " + open, Long.class).setParameter("k", EscalationKind.ADMONITORY_TALK)
                .setParameter("d", EscalationState.DISMISSED).setParameter("a", NoticeState.ISSUED).setParameter("b", NoticeState.OVERDUE)
                .getResultList());
        return new Snapshot(notices, items, sent, talks);
    }

    /** Whether {@link #decide} would change or send anything for this notice today (the same rules, read only). */
    private boolean due(NoticeEntity n, List<ItemEntity> items, Snapshot s, LocalDate today) {
        LocalDate deadline = LocalDate.ofEpochDay(n.getDeadline());
        LocalDate overdueFrom = deadline.plusDays(settings.getOverdueGraceDays());
        LocalDate remindFrom = deadline.minusDays(settings.getRemindDaysBefore());
        int after = settings.getEscalateAfterOverdueDays();
        for (ItemEntity i : items) {
            boolean unclaimed = UNCLAIMED.contains(i.getState());
            if (unclaimed && !today.isBefore(overdueFrom)) {
                return true;
            }
            if (unclaimed && !today.isBefore(remindFrom) && !s.sent.contains("DUE_SOON:" + i.getId())) {
                return true;
            }
            if (i.getState() == ItemState.OVERDUE && after >= 0 && i.getOverdueSince() != null && !s.talks.contains(n.getId())
                    && !s.sent.contains("ESCALATION:" + i.getId())
                    && !today.isBefore(LocalDate.ofEpochDay(i.getOverdueSince()).plusDays(after))) {
                return true;
            }
        }
        return false;
    }

    private Outcome decide(EntityManager em, NoticeEntity n, LocalDate today, long now) {
        Outcome o = new Outcome(n);
        LocalDate deadline = LocalDate.ofEpochDay(n.getDeadline());
        LocalDate overdueFrom = deadline.plusDays(settings.getOverdueGraceDays());
        LocalDate remindFrom = deadline.minusDays(settings.getRemindDaysBefore());
        // a join, not IN (subquery): Derby evaluates the subquery for every reminder row, once per notice
        Set<String> sent = em.createQuery("select r from ReminderEntity r, ItemEntity i where r.itemId = i.id and i.noticeId = :n",
                        ReminderEntity.class).setParameter("n", n.getId()).getResultList()
                .stream().map(r -> r.getKind() + ":" + r.getItemId()).collect(Collectors.toCollection(HashSet::new));
        for (ItemEntity i : NoticeAccess.items(em, n.getId())) {
            o.examined++;
            if (UNCLAIMED.contains(i.getState()) && !today.isBefore(overdueFrom)) {
                moves.item(em, i, ItemEvent.MARK_OVERDUE, "超过整改期限 " + deadline + " 未申请销号", SYSTEM);
                i.setOverdueSince(today.toEpochDay());
                o.changed++;
                if (Transitions.allowed(n.getState(), NoticeEvent.MARK_OVERDUE)) {
                    moves.notice(em, n, NoticeEvent.MARK_OVERDUE, "有问题超过整改期限 " + deadline, SYSTEM);
                }
                if (remember(em, sent, i, "OVERDUE", today, now)) {
                    o.wentOverdue.add(i);
                }
                o.notes.add(number(n) + " 事项 " + i.getId() + " 逾期");
            } else if (UNCLAIMED.contains(i.getState()) && !today.isBefore(remindFrom)) {
                if (remember(em, sent, i, "DUE_SOON", today, now)) {
                    o.dueSoon.add(i);
                    o.changed++;
                }
            }
            int after = settings.getEscalateAfterOverdueDays();
            if (i.getState() == ItemState.OVERDUE && after >= 0 && i.getOverdueSince() != null
                    && !today.isBefore(LocalDate.ofEpochDay(i.getOverdueSince()).plusDays(after)) && o.proposed == null
                    && !talkPending(em, n.getId()) && remember(em, sent, i, "ESCALATION", today, now)) {
                EscalationEntity e = new EscalationEntity(n.getId(), EscalationKind.ADMONITORY_TALK, EscalationState.PROPOSED,
                        "问题“" + abbreviate(i.getFindingDescription()) + "”逾期已 " + (today.toEpochDay() - i.getOverdueSince()) + " 天（规则：逾期满 "
                        + after + " 天建议约谈）", SYSTEM, now);
                em.persist(e);
                em.persist(new EventEntity(n.getId(), i.getId(), "ESCALATION_PROPOSED", null, EscalationState.PROPOSED.name(), e.getReason(),
                        SYSTEM, now));
                o.proposed = e;
                o.changed++;
            }
        }
        return o;
    }

    /** A talk already proposed or held for this notice: the rule does not propose another. */
    private static boolean talkPending(EntityManager em, long noticeId) {
        return em.createQuery("select count(e) from EscalationEntity e where e.noticeId = :n and e.kind = :k and e.state <> :d", Long.class)
                .setParameter("n", noticeId).setParameter("k", EscalationKind.ADMONITORY_TALK).setParameter("d", EscalationState.DISMISSED)
                .getSingleResult() > 0;
    }

    private static boolean remember(EntityManager em, Set<String> sent, ItemEntity i, String kind, LocalDate today, long now) {
        if (!sent.add(kind + ":" + i.getId())) {
            return false;
        }
        em.persist(new ReminderEntity(i.getId(), kind, today.toEpochDay(), now));
        return true;
    }

    /** What one notice's check decided, and the messages to send once it is committed. */
    private static final class Outcome {
        final NoticeEntity notice;
        long examined;
        long changed;
        final List<ItemEntity> dueSoon = new ArrayList<>();
        final List<ItemEntity> wentOverdue = new ArrayList<>();
        EscalationEntity proposed;
        final List<String> notes = new ArrayList<>();

        Outcome(NoticeEntity notice) {
            this.notice = notice;
        }

        void send(Messenger messenger) {
            NoticeEntity n = notice;
            String link = link(n.getId());
            if (!dueSoon.isEmpty()) {
                messenger.tell(to -> to.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message("RECTIFICATION_DUE",
                        "整改期限临近 " + number(n), n.getUnitName() + "：整改通知 " + number(n) + " 的整改期限为 "
                        + LocalDate.ofEpochDay(n.getDeadline()) + "，尚有 " + dueSoon.size() + " 个问题未申请销号："
                        + dueSoon.stream().map(i -> "“" + abbreviate(i.getFindingDescription()) + "”").collect(Collectors.joining("、")) + "。",
                        link)));
            }
            if (!wentOverdue.isEmpty()) {
                Message m = new Message("RECTIFICATION_OVERDUE", "整改逾期 " + number(n), n.getUnitName() + " 的整改通知 " + number(n)
                        + " 已过整改期限 " + LocalDate.ofEpochDay(n.getDeadline()) + "，" + wentOverdue.size() + " 个问题逾期未整改。", link);
                messenger.tell(to -> to.toOffice(n.getJurisdictionCode(), m));
                messenger.tell(to -> to.toUnit(n.getJurisdictionCode(), n.getUnitCode(), m));
            }
            if (proposed != null) {
                messenger.tell(to -> to.toOffice(n.getJurisdictionCode(), new Message("RECTIFICATION_ESCALATION_PROPOSED",
                        "建议约谈 " + n.getUnitName(), proposed.getReason() + "。请确认约谈（记录日期、参加人员、纪要）或说明不予约谈的理由。", link)));
            }
        }
    }
}
