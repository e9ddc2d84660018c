package cn.supervision.rectification.internal;

import static cn.supervision.rectification.internal.Texts.link;
import static cn.supervision.rectification.internal.Texts.number;
import static cn.supervision.rectification.internal.Texts.required;
import static cn.supervision.rectification.internal.Texts.trim;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Escalation;
import cn.supervision.api.rectification.EscalationDraft;
import cn.supervision.api.rectification.EscalationKind;
import cn.supervision.api.rectification.EscalationState;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.rectification.internal.model.EscalationEntity;
import cn.supervision.rectification.internal.model.EventEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;

/**
 * 约谈 and 通报批评 for a unit that let a deadline pass or failed a visit. Only measures already taken are recorded:
 * the office records one directly, or confirms or dismisses one the deadline pass proposed.
 */
final class Escalations {
    private final JpaTemplate jpa;
    private final NoticeAccess access;
    private final Messenger messenger;
    private final RecordClock clock;

    Escalations(JpaTemplate jpa, NoticeAccess access, Messenger messenger, RecordClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.messenger = messenger;
        this.clock = clock;
    }

    Escalation escalate(Caller caller, long noticeId, EscalationDraft draft) {
        NoticeEntity n = access.require(caller, Operation.MANAGE_FOLLOWUP, noticeId);
        if (draft == null || draft.kind() == null) {
            throw SupervisionException.invalid("kind", "必填：ADMONITORY_TALK（约谈）或 CIRCULATED_CRITICISM（通报批评）");
        }
        validateHeld(draft, true);
        long now = clock.millis();
        EscalationEntity e = jpa.txExpr(TransactionType.Required, em -> {
            NoticeEntity fresh = em.find(NoticeEntity.class, noticeId);
            requireEscalable(em, fresh, draft.kind());
            EscalationEntity x = new EscalationEntity(noticeId, draft.kind(), EscalationState.RECORDED, trim(draft.reason()), caller.username(), now);
            x.decide(EscalationState.RECORDED, draft.date().toEpochDay(), trim(draft.participants()), trim(draft.minutes()), caller.username(), now);
            em.persist(x);
            em.persist(new EventEntity(noticeId, null, "ESCALATION", fresh.getState().name(), fresh.getState().name(),
                    draft.kind().label() + "（" + draft.date() + "）：" + trim(draft.reason()), caller.username(), now));
            return x;
        });
        messenger.tell(to -> to.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message("RECTIFICATION_ESCALATED",
                draft.kind().label() + " " + number(n), n.getUnitName() + "：因整改不到位或逾期，已予以" + draft.kind().label() + "。", link(noticeId))));
        return Values.escalation(e);
    }

    Escalation confirm(Caller caller, long noticeId, long escalationId, EscalationDraft held) {
        access.require(caller, Operation.MANAGE_FOLLOWUP, noticeId);
        if (held == null) {
            throw SupervisionException.invalid("body", "需要 date、participants、minutes");
        }
        EscalationEntity e = jpa.txExpr(TransactionType.Required, em -> {
            EscalationEntity x = escalation(em, noticeId, escalationId);
            validateHeld(new EscalationDraft(x.getKind(), held.date(), held.participants(), held.minutes(),
                    held.reason() == null ? x.getReason() : held.reason()), false);
            decide(em, x, EscalationState.RECORDED, held.date().toEpochDay(), held.participants(), held.minutes(),
                    x.getKind().label() + "已实施（" + held.date() + "）", caller.username());
            return x;
        });
        return Values.escalation(e);
    }

    Escalation dismiss(Caller caller, long noticeId, long escalationId, String reason) {
        access.require(caller, Operation.MANAGE_FOLLOWUP, noticeId);
        String why = trim(reason);
        if (why == null || why.length() > 2000) {
            throw SupervisionException.invalid("reason", why == null ? "不予实施须说明理由" : "不能超过 2000 字");
        }
        EscalationEntity e = jpa.txExpr(TransactionType.Required, em -> {
            EscalationEntity x = escalation(em, noticeId, escalationId);
            decide(em, x, EscalationState.DISMISSED, null, null, why, "不予" + x.getKind().label() + "：" + why, caller.username());
            return x;
        });
        return Values.escalation(e);
    }

    private void decide(EntityManager em, EscalationEntity x, EscalationState to, Long heldOn, String participants, String minutes,
                        String text, String by) {
        if (x.getState() != EscalationState.PROPOSED) {
            throw SupervisionException.conflict(x.getKind().label() + "当前状态为 " + x.getState() + "，只有 PROPOSED 的建议可以处理");
        }
        long now = clock.millis();
        String from = x.getState().name();
        x.decide(to, heldOn, trim(participants), trim(minutes), by, now);
        em.persist(new EventEntity(x.getNoticeId(), null, "ESCALATION_" + to.name(), from, to.name(), text, by, now));
    }

    private static EscalationEntity escalation(EntityManager em, long noticeId, long escalationId) {
        EscalationEntity x = em.find(EscalationEntity.class, escalationId);
        if (x == null || x.getNoticeId() != noticeId) {
            throw SupervisionException.notFound("问责措施 " + escalationId + " 不存在");
        }
        return x;
    }

    /** Escalation is for a unit that let a deadline pass or failed a visit; anything else is out of order. */
    private static void requireEscalable(EntityManager em, NoticeEntity n, EscalationKind kind) {
        boolean late = n.getState() == NoticeState.OVERDUE || n.getState() == NoticeState.VISIT_FAILED
                || NoticeAccess.items(em, n.getId()).stream().anyMatch(i -> i.getState() == ItemState.OVERDUE || i.getState() == ItemState.VISIT_FAILED);
        if (!late) {
            throw SupervisionException.conflict("整改通知当前状态为“" + n.getState().label() + "”（" + n.getState() + "），没有逾期或回访不到位的问题，不能"
                    + kind.label());
        }
    }

    private void validateHeld(EscalationDraft d, boolean needReason) {
        List<FieldError> errors = new ArrayList<>();
        if (d.date() == null) {
            errors.add(new FieldError("date", "必填"));
        } else if (d.date().isAfter(clock.today())) {
            errors.add(new FieldError("date", "只记录已实施的措施：日期不能晚于今天"));
        }
        if (d.kind() == EscalationKind.ADMONITORY_TALK) {
            required(errors, "participants", trim(d.participants()), 1000);
        } else if (trim(d.participants()) != null && d.participants().length() > 1000) {
            errors.add(new FieldError("participants", "不能超过 1000 字"));
        }
        required(errors, "minutes", trim(d.minutes()), 8000);
        if (needReason) {
            required(errors, "reason", trim(d.reason()), 1000);
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid((d.kind() == null ? "问责措施" : d.kind().label()) + "记录无效", errors);
        }
    }
}
