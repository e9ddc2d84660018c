package cn.supervision.campaign.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.campaign.internal.model.InputEntity;

/** A unit's inputs as recorded, and the office's review of self-reports: one accepted counts, one returned is answered. */
final class InputReview {
    private final JpaTemplate jpa;
    private final CampaignAccess access;
    private final Records records;
    private final Clock clock;
    /** Where a reviewed self-report goes next (the results cache, which counts it once accepted). */
    private final Consumer<List<InputEntity>> accepted;

    InputReview(JpaTemplate jpa, CampaignAccess access, Records records, Clock clock, Consumer<List<InputEntity>> accepted) {
        this.jpa = jpa;
        this.access = access;
        this.records = records;
        this.clock = clock;
        this.accepted = accepted;
    }

    /** Every input recorded for a unit, oldest first; evaluators under their pseudonym unless the caller reads the group. */
    List<InputRecord> inputs(Caller caller, Campaign c, long unitId) {
        Unit unit = access.registry().getUnit(caller, unitId);
        access.registry().access().require(caller, Operation.READ_INPUTS, CampaignAccess.target(c, unit));
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select i from InputEntity i where i.campaignId = :c"
                        + " and i.unitId = :u order by i.id", InputEntity.class).setParameter("c", c.id()).setParameter("u", unitId)
                .getResultList().stream().map(e -> records.record(e, c)).map(r -> access.visibleTo(caller, c, r)).toList());
    }

    InputRecord review(Caller caller, Campaign c, long inputId, boolean accept, String note) {
        access.requireAdminister(caller, c.jurisdictionCode());
        String why = PlanValidator.reason(note, !accept, "note", "退回理由");
        if (c.state() != CampaignState.COLLECTING && c.state() != CampaignState.SCORING) {
            throw SupervisionException.conflict("监管活动处于“" + c.state() + "”阶段，不能审核");
        }
        InputEntity reviewed = jpa.txExpr(TransactionType.Required, em -> {
            // an accepted self-report starts to count: a new input version, ordered against transitions
            long version = InputClaim.claim(em, c.id(), CampaignState.COLLECTING, CampaignState.SCORING);
            if (version == 0) {
                throw SupervisionException.conflict("监管活动处于“" + Records.find(em, c.id()).getState() + "”阶段，不能审核");
            }
            InputEntity e = em.find(InputEntity.class, inputId);
            if (e == null || e.getCampaignId() != c.id()) {
                throw SupervisionException.notFound("输入 " + inputId + " 不存在");
            }
            if (e.getSource() != InputSource.SELF_REPORT || e.getReview() != ReviewStatus.SUBMITTED) {
                throw SupervisionException.conflict("只能审核待审核的单位自评（当前：" + e.getSource() + " / " + e.getReview() + "）");
            }
            e.review(accept ? ReviewStatus.ACCEPTED : ReviewStatus.RETURNED, why.isEmpty() ? null : why, caller.username(), clock.millis());
            e.setInputVersion(version);
            return e;
        });
        accepted.accept(List.of(reviewed)); // a returned one counts for nothing, but its version is handed over in order
        return records.record(reviewed, c);
    }
}
