package cn.supervision.campaign.internal;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.CampaignEntity;
import cn.supervision.campaign.internal.model.TransitionEntity;

/** Drafting campaigns: creating, changing the plan while it is a draft, rolling a routine one into the next period. */
final class Planning {
    private final JpaTemplate jpa;
    private final CampaignAccess access;
    private final PlanValidator validator;
    private final Records records;
    private final Clock clock;

    Planning(JpaTemplate jpa, CampaignAccess access, PlanValidator validator, Records records, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.validator = validator;
        this.records = records;
        this.clock = clock;
    }

    Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft) {
        access.requireAdminister(caller, jurisdictionCode);
        Plan plan = validator.checked(caller, jurisdictionCode, draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = new CampaignEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setKind(draft.kind());
            e.setState(CampaignState.DRAFT);
            e.setCreatedAt(clock.millis());
            e.setCreatedBy(caller.username());
            records.stamp(e, plan, caller.username(), clock.millis());
            em.persist(e);
            em.flush();
            em.persist(new TransitionEntity(e.getId(), null, CampaignState.DRAFT, "创建", caller.username(), e.getCreatedAt()));
            return records.campaign(e);
        });
    }

    Campaign update(Caller caller, long id, CampaignDraft draft) {
        Campaign current = access.read(caller, id);
        access.requireAdminister(caller, current.jurisdictionCode());
        if (current.state() != CampaignState.DRAFT) {
            throw SupervisionException.conflict("监管活动已进入“" + current.state() + "”阶段，计划不能再修改");
        }
        if (draft != null && draft.kind() != null && draft.kind() != current.kind()) {
            throw SupervisionException.invalid("kind", "不能改变监管类型；请新建活动");
        }
        Plan plan = validator.checked(caller, current.jurisdictionCode(), draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = Records.find(em, id);
            records.stamp(e, plan, caller.username(), clock.millis());
            return records.campaign(e);
        });
    }

    Campaign rollover(Caller caller, long id) {
        Campaign c = access.read(caller, id);
        access.requireAdminister(caller, c.jurisdictionCode());
        if (c.kind() != CampaignKind.ROUTINE) {
            throw SupervisionException.conflict("只有常规监管可以滚动到下一周期");
        }
        // targets are fixed again when the next period's collection starts: units merge and appear between periods
        Campaign next = create(caller, c.jurisdictionCode(), new CampaignDraft(c.kind(), c.title(), c.description(), c.period().next(),
                c.systems(), c.categories(), null, null, null, c.workingGroup(), c.latePolicy()));
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = Records.find(em, next.id());
            e.setRolledFrom(id);
            return records.campaign(e);
        });
    }
}
