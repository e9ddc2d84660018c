package cn.supervision.rectification.internal;

import static cn.supervision.rectification.internal.Texts.link;
import static cn.supervision.rectification.internal.Texts.number;
import static cn.supervision.rectification.internal.Texts.required;
import static cn.supervision.rectification.internal.Texts.trim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.NoticeEvent;
import cn.supervision.api.rectification.Visit;
import cn.supervision.api.rectification.VisitDraft;
import cn.supervision.api.rectification.VisitResult;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;
import cn.supervision.rectification.internal.model.VisitEntity;

/**
 * The office's follow-up visit once every item is accepted: a pass closes the notice and its items and marks the
 * findings RECTIFIED; a failure marks every item VISIT_FAILED and schedules the next visit.
 */
final class Visits {
    private final JpaTemplate jpa;
    private final NoticeAccess access;
    private final StateMoves moves;
    private final FindingService findings;
    private final Messenger messenger;
    private final RecordClock clock;
    private final Settings settings;

    Visits(JpaTemplate jpa, NoticeAccess access, StateMoves moves, FindingService findings, Messenger messenger, RecordClock clock,
           Settings settings) {
        this.jpa = jpa;
        this.access = access;
        this.moves = moves;
        this.findings = findings;
        this.messenger = messenger;
        this.clock = clock;
        this.settings = settings;
    }

    Visit record(Caller caller, long noticeId, VisitDraft visit) {
        NoticeEntity n = access.require(caller, Operation.MANAGE_FOLLOWUP, noticeId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = clock.today();
        if (visit == null || visit.visitedOn() == null) {
            errors.add(new FieldError("visitedOn", "必填"));
        } else if (visit.visitedOn().isAfter(today)) {
            errors.add(new FieldError("visitedOn", "回访日期不能晚于今天"));
        }
        if (visit == null || visit.result() == null) {
            errors.add(new FieldError("result", "必填：RECTIFIED（整改到位）或 NOT_RECTIFIED（整改不到位）"));
        }
        String notes = visit == null ? null : trim(visit.notes());
        required(errors, "notes", notes, 4000);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("回访记录无效", errors);
        }
        boolean passed = visit.result() == VisitResult.RECTIFIED;
        long now = clock.millis();
        VisitEntity recorded = jpa.txExpr(TransactionType.Required, em -> {
            NoticeEntity fresh = em.find(NoticeEntity.class, noticeId);
            NoticeEvent event = passed ? NoticeEvent.VISIT_PASS : NoticeEvent.VISIT_FAIL;
            // refused for the notice's state before any visit row is touched
            Transitions.next(fresh.getState(), event);
            List<VisitEntity> pending = em.createQuery("select v from VisitEntity v where v.noticeId = :n and v.result is null order by v.id",
                    VisitEntity.class).setParameter("n", noticeId).getResultList();
            VisitEntity v = pending.isEmpty() ? new VisitEntity(noticeId, visit.visitedOn().toEpochDay()) : pending.get(0);
            v.record(visit.visitedOn().toEpochDay(), visit.result(), notes, caller.username(), now);
            if (pending.isEmpty()) {
                em.persist(v);
            }
            String text = "回访（" + visit.visitedOn() + "）：" + visit.result().label() + "。" + notes;
            for (ItemEntity i : NoticeAccess.items(em, noticeId)) {
                moves.item(em, i, passed ? ItemEvent.VISIT_PASS : ItemEvent.VISIT_FAIL, text, caller.username());
            }
            moves.notice(em, fresh, event, text, caller.username());
            if (passed) {
                fresh.setNextVisitOn(null);
            } else {
                LocalDate next = visit.visitedOn().plusDays(settings.getRevisitAfterDays());
                fresh.setNextVisitOn(next.toEpochDay());
                em.persist(new VisitEntity(noticeId, next.toEpochDay()));
            }
            return v;
        });
        if (passed) {
            jpa.txExpr(TransactionType.Supports, em -> NoticeAccess.items(em, noticeId)).forEach(i -> findings.moveTo(caller, i.getFindingId(),
                    FindingState.RECTIFIED, noticeId, "整改通知 " + number(n) + " 回访整改到位"));
        }
        messenger.tell(to -> to.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message("RECTIFICATION_VISITED",
                "整改回访结果 " + number(n), "回访结果：" + visit.result().label() + (passed ? "，整改通知办结。" : "，请继续整改。"), link(noticeId))));
        return Values.visit(recorded);
    }
}
