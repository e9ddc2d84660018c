package cn.supervision.cooperation.internal;

import static cn.supervision.cooperation.internal.Inputs.jurisdiction;
import static cn.supervision.cooperation.internal.Inputs.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.cooperation.ReferralDraft;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.cooperation.internal.model.DepartmentEntity;
import cn.supervision.cooperation.internal.model.ReferralEntity;
import cn.supervision.cooperation.internal.model.ReferralStepEntity;

/**
 * The office refers one of its findings to one department (线索移送). The finding is copied as it stands, so the
 * department reads what was referred even if the finding changes later; the first step (SENT) is recorded with it.
 */
final class ReferralIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(ReferralIssuer.class);

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final FindingService findings;
    private final Addressees addressees;
    private final FeedbackDeadlines deadlines;
    private final Messenger messenger;
    private final Clock clock;

    ReferralIssuer(JpaTemplate jpa, RegistryService registry, FindingService findings, Addressees addressees,
                   FeedbackDeadlines deadlines, Messenger messenger, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.findings = findings;
        this.addressees = addressees;
        this.deadlines = deadlines;
        this.messenger = messenger;
        this.clock = clock;
    }

    /** The new referral's id; everything is checked before it is written. */
    long refer(Caller caller, ReferralDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 findingId、departmentId、note");
        }
        String j = jurisdiction(caller, draft.jurisdictionCode());
        if (j == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_COOPERATION, j);
        List<FieldError> errors = new ArrayList<>();
        text(errors, "note", draft.note(), 2000, true);
        LocalDate today = deadlines.today();
        LocalDate due = deadlines.due(draft.feedbackDue(), today);
        if (due.isBefore(today)) {
            errors.add(new FieldError("feedbackDue", "反馈期限不能早于今天（" + today + "）"));
        }
        if (draft.departmentId() == null) {
            errors.add(new FieldError("departmentId", "必填：线索只移送给一个协作部门"));
        }
        List<DepartmentEntity> to = draft.departmentId() == null ? List.of()
                : addressees.of(j, List.of(draft.departmentId()), "departmentId", errors);
        Finding finding = null;
        if (draft.findingId() == null) {
            errors.add(new FieldError("findingId", "必填"));
        } else {
            finding = findings.get(caller, draft.findingId());
            if (!finding.jurisdictionCode().equals(j)) {
                errors.add(new FieldError("findingId", "问题 " + finding.id() + " 属于行政区划 " + finding.jurisdictionCode() + "，不能由 " + j + " 移送"));
            } else if (finding.state() == FindingState.WITHDRAWN) {
                errors.add(new FieldError("findingId", "问题 " + finding.id() + " 已撤销，不能移送"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("线索移送无效，未移送", errors);
        }
        DepartmentEntity d = to.get(0);
        Finding f = finding;
        long now = clock.millis();
        ReferralEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            ReferralEntity r = new ReferralEntity();
            r.setJurisdictionCode(j);
            r.setFindingId(f.id());
            r.setUnitId(f.unitId());
            r.setUnitName(f.unitName());
            r.setCategory(f.category());
            r.setSeverity(f.severity());
            r.setFindingDescription(f.description());
            r.setDepartmentId(d.getId());
            r.setDepartmentCode(d.getCode());
            r.setDepartmentName(d.getName());
            r.setNote(draft.note().trim());
            r.setFeedbackDue(due.toEpochDay());
            r.setState(ReferralState.SENT);
            r.setReferredBy(caller.username());
            r.setReferredAt(now);
            r.setUpdatedAt(now);
            em.persist(r);
            em.flush();
            em.persist(new ReferralStepEntity(r.getId(), null, ReferralState.SENT, caller.username(), now, r.getNote()));
            return r;
        });
        LOG.info("Referral #{} of finding #{} to {}/{} by {}", saved.getId(), f.id(), j, d.getCode(), caller.username());
        messenger.tellDepartment(j, d.getCode(), new Message("COOPERATION_REFERRED", "线索移送：" + f.unitName(),
                "机构编制部门向" + d.getName() + "移送问题线索（" + f.unitName() + "），请签收并于 " + due + " 前反馈",
                "/v1/cooperation/referrals/" + saved.getId()));
        return saved.getId();
    }
}
