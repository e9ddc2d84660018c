package cn.supervision.rectification.internal;

import static cn.supervision.rectification.internal.Texts.abbreviate;
import static cn.supervision.rectification.internal.Texts.link;
import static cn.supervision.rectification.internal.Texts.number;
import static cn.supervision.rectification.internal.Texts.required;
import static cn.supervision.rectification.internal.Texts.trim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.NoticeEvent;
import cn.supervision.api.rectification.PlanDraft;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;
import cn.supervision.rectification.internal.model.VisitEntity;

/**
 * One item's way to 销号: the unit plans, reports progress and claims it done with evidence; the office accepts or
 * returns it. The last item accepted moves the notice on and schedules its follow-up visit.
 */
final class ItemSteps {
    private final JpaTemplate jpa;
    private final NoticeAccess access;
    private final StateMoves moves;
    private final Messenger messenger;
    private final RecordClock clock;
    private final Settings settings;

    ItemSteps(JpaTemplate jpa, NoticeAccess access, StateMoves moves, Messenger messenger, RecordClock clock, Settings settings) {
        this.jpa = jpa;
        this.access = access;
        this.moves = moves;
        this.messenger = messenger;
        this.clock = clock;
        this.settings = settings;
    }

    Item plan(Caller caller, long noticeId, long itemId, PlanDraft plan) {
        NoticeEntity n = access.require(caller, Operation.ANSWER_RECTIFICATION, noticeId);
        List<FieldError> errors = new ArrayList<>();
        String measures = plan == null ? null : trim(plan.measures());
        String responsible = plan == null ? null : trim(plan.responsiblePerson());
        LocalDate due = plan == null ? null : plan.dueDate();
        required(errors, "measures", measures, 2000);
        required(errors, "responsiblePerson", responsible, 100);
        LocalDate deadline = LocalDate.ofEpochDay(n.getDeadline());
        if (due == null) {
            errors.add(new FieldError("dueDate", "必填"));
        } else if (due.isAfter(deadline)) {
            errors.add(new FieldError("dueDate", "整改时限不能晚于通知的整改期限 " + deadline));
        } else if (due.isBefore(clock.today())) {
            errors.add(new FieldError("dueDate", "整改时限不能早于今天"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("整改方案无效", errors);
        }
        return step(caller, n, itemId, ItemEvent.PLAN, "措施：" + measures + "；责任人：" + responsible + "；时限：" + due,
                i -> i.plan(measures, responsible, due.toEpochDay()));
    }

    Item progress(Caller caller, long noticeId, long itemId, String report) {
        NoticeEntity n = access.require(caller, Operation.ANSWER_RECTIFICATION, noticeId);
        String text = trim(report);
        List<FieldError> errors = new ArrayList<>();
        required(errors, "report", text, 4000);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("整改进展无效", errors);
        }
        return step(caller, n, itemId, ItemEvent.PROGRESS, text, i -> { });
    }

    Item claim(Caller caller, long noticeId, long itemId, String note) {
        NoticeEntity n = access.require(caller, Operation.ANSWER_RECTIFICATION, noticeId);
        String text = trim(note);
        if (text != null && text.length() > 4000) {
            throw SupervisionException.invalid("note", "不能超过 4000 字");
        }
        long files = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select count(e) from EvidenceEntity e where e.itemId = :i and e.noticeId = :n", Long.class)
                .setParameter("i", itemId).setParameter("n", noticeId).getSingleResult());
        ItemEntity current = access.item(noticeId, itemId);
        // an out-of-order claim is refused for its state before the missing evidence is mentioned
        Transitions.next(current.getState(), ItemEvent.CLAIM);
        if (files == 0) {
            throw SupervisionException.invalid("evidence", "申请销号前须上传佐证材料（" + n.getRequiredEvidence() + "）");
        }
        Item claimed = step(caller, n, itemId, ItemEvent.CLAIM, text == null ? "申请销号" : text, i -> { });
        messenger.tell(to -> to.toOffice(n.getJurisdictionCode(), new Message("RECTIFICATION_CLAIMED", "整改销号申请 " + number(n),
                n.getUnitName() + " 申请对问题“" + abbreviate(claimed.findingDescription()) + "”销号，请审核。", link(noticeId))));
        return claimed;
    }

    Item review(Caller caller, long noticeId, long itemId, boolean accept, String reason) {
        NoticeEntity n = access.require(caller, Operation.MANAGE_FOLLOWUP, noticeId);
        String why = trim(reason);
        if (!accept && why == null) {
            throw SupervisionException.invalid("reason", "退回须说明理由");
        }
        if (why != null && why.length() > 2000) {
            throw SupervisionException.invalid("reason", "不能超过 2000 字");
        }
        LocalDate today = clock.today();
        Item reviewed = step(caller, n, itemId, accept ? ItemEvent.ACCEPT : ItemEvent.RETURN,
                why == null ? "销号" : why, i -> i.setAcceptedOn(accept ? today.toEpochDay() : null));
        if (accept) {
            jpa.tx(TransactionType.Required, em -> {
                NoticeEntity fresh = em.find(NoticeEntity.class, noticeId);
                List<ItemEntity> items = NoticeAccess.items(em, noticeId);
                if (items.stream().allMatch(i -> i.getState() == ItemState.ACCEPTED) && Transitions.allowed(fresh.getState(), NoticeEvent.ALL_ACCEPTED)) {
                    LocalDate visit = today.plusDays(settings.getVisitAfterDays());
                    moves.notice(em, fresh, NoticeEvent.ALL_ACCEPTED, "全部问题已销号，安排 " + visit + " 回访", caller.username());
                    fresh.setNextVisitOn(visit.toEpochDay());
                    em.persist(new VisitEntity(noticeId, visit.toEpochDay()));
                }
            });
        }
        messenger.tell(to -> to.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message(accept ? "RECTIFICATION_ACCEPTED"
                : "RECTIFICATION_RETURNED", (accept ? "整改事项已销号 " : "整改事项被退回 ") + number(n),
                "问题“" + abbreviate(reviewed.findingDescription()) + "”" + (accept ? "已销号。" : "被退回：" + why), link(noticeId))));
        return reviewed;
    }

    /** Moves the item and applies what the step records, in one transaction on the fresh row. */
    private Item step(Caller caller, NoticeEntity n, long itemId, ItemEvent event, String text, Consumer<ItemEntity> change) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ItemEntity i = em.find(ItemEntity.class, itemId);
            if (i == null || i.getNoticeId() != n.getId()) {
                throw SupervisionException.notFound("整改事项 " + itemId + " 不存在");
            }
            moves.item(em, i, event, text, caller.username());
            change.accept(i);
            return Values.item(i);
        });
    }
}
