package cn.supervision.cooperation.internal;

import static cn.supervision.cooperation.internal.Inputs.blankToNull;
import static cn.supervision.cooperation.internal.Inputs.text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.cooperation.FeedbackKind;
import cn.supervision.api.cooperation.ReferralFeedback;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.cooperation.internal.model.ReferralEntity;
import cn.supervision.cooperation.internal.model.ReferralFileEntity;
import cn.supervision.cooperation.internal.model.ReferralStepEntity;

/**
 * The addressed department's steps: receipt (签收), then its feedback along {@link ReferralState#feedbackFrom}. Each
 * step is recorded with who took it, and the office is told.
 */
final class ReferralAnswers {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final ReferralReader reader;
    private final Messenger messenger;
    private final Clock clock;

    ReferralAnswers(JpaTemplate jpa, RegistryService registry, ReferralReader reader, Messenger messenger, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.reader = reader;
        this.messenger = messenger;
        this.clock = clock;
    }

    void acknowledge(Caller caller, long id, String note) {
        ReferralEntity current = reader.load(id);
        reader.requireVisible(caller, current);
        registry.access().require(caller, Operation.ANSWER_REFERRAL, ReferralReader.target(current));
        List<FieldError> errors = new ArrayList<>();
        text(errors, "note", note, 2000, false);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("签收无效", errors);
        }
        move(caller, id, Set.of(ReferralState.SENT), ReferralState.ACKNOWLEDGED, blankToNull(note), "签收", r -> { });
        messenger.tellOffice(current, "线索已签收", current.getDepartmentName() + " 已签收移送的问题线索（" + current.getUnitName() + "）");
    }

    /** A result may name a file, and only one the department itself uploaded for this referral. */
    void feedback(Caller caller, long id, ReferralFeedback feedback) {
        ReferralEntity current = reader.load(id);
        reader.requireVisible(caller, current);
        registry.access().require(caller, Operation.ANSWER_REFERRAL, ReferralReader.target(current));
        if (feedback == null || feedback.kind() == null) {
            throw SupervisionException.invalid("kind", "必填：ACCEPTED（受理）、NOT_ACCEPTED（不予受理）或 RESULT（处理结果）");
        }
        FeedbackKind kind = feedback.kind();
        List<FieldError> errors = new ArrayList<>();
        text(errors, "text", feedback.text(), 4000, kind != FeedbackKind.ACCEPTED);
        if (feedback.fileId() != null) {
            if (kind != FeedbackKind.RESULT) {
                errors.add(new FieldError("fileId", "只有处理结果可以附文件"));
            } else {
                ReferralFileEntity file = jpa.txExpr(TransactionType.Supports, em -> em.find(ReferralFileEntity.class, feedback.fileId()));
                if (file == null || file.getReferralId() != id || !file.isFromDepartment()) {
                    errors.add(new FieldError("fileId", "文件 " + feedback.fileId() + " 不是本部门为该线索上传的文件"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("反馈无效", errors);
        }
        String text = blankToNull(feedback.text());
        move(caller, id, ReferralState.feedbackFrom(kind), kind.to(), text, "反馈", r -> {
            r.setFeedbackText(text);
            if (kind == FeedbackKind.RESULT) {
                r.setResultFileId(feedback.fileId());
            }
        });
        messenger.tellOffice(current, "线索反馈：" + kind.to().label(), current.getDepartmentName() + " 反馈移送的问题线索（"
                + current.getUnitName() + "）：" + kind.to().label() + (text == null ? "" : "。" + text));
    }

    /** Moves a referral inside one transaction, re-checking the state there (409 naming it). */
    private void move(Caller caller, long id, Set<ReferralState> from, ReferralState to, String note, String what,
                      Consumer<ReferralEntity> change) {
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            ReferralEntity r = em.find(ReferralEntity.class, id);
            if (!from.contains(r.getState())) {
                throw SupervisionException.conflict("线索当前状态为“" + r.getState().label() + "”（" + r.getState() + "），不能" + what
                        + "为“" + to.label() + "”");
            }
            ReferralState before = r.getState();
            change.accept(r);
            r.setState(to);
            r.setUpdatedAt(now);
            em.persist(new ReferralStepEntity(id, before, to, caller.username(), now, note));
        });
    }
}
