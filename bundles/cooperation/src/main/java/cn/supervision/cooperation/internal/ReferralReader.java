package cn.supervision.cooperation.internal;

import static cn.supervision.cooperation.internal.Inputs.jurisdiction;

import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.cooperation.Referral;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.cooperation.internal.model.ReferralEntity;

/**
 * Finds referrals and decides who sees one: the office and leaders in scope, and the one department it was sent to
 * ({@code Target.department}); a department user's listing is narrowed to its own department in the query.
 */
final class ReferralReader {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Values values;

    ReferralReader(JpaTemplate jpa, RegistryService registry, Values values) {
        this.jpa = jpa;
        this.registry = registry;
        this.values = values;
    }

    List<Referral> list(Caller caller, String jurisdictionCode, ReferralState state) {
        String j = jurisdiction(caller, jurisdictionCode);
        Access access = registry.access();
        if (j != null) {
            access.require(caller, Operation.READ_COOPERATION, Target.department(j, caller.departmentCode()));
        }
        String dept = caller.isSystem() ? null : caller.departmentCode();
        return jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select r from ReferralEntity r where 1 = 1" + (j == null ? "" : " and r.jurisdictionCode = :j")
                    + (dept == null ? "" : " and r.departmentCode = :d") + (state == null ? "" : " and r.state = :s")
                    + " order by r.id desc";
            var query = em.createQuery(q, ReferralEntity.class);
            if (j != null) {
                query.setParameter("j", j);
            }
            if (dept != null) {
                query.setParameter("d", dept);
            }
            if (state != null) {
                query.setParameter("s", state);
            }
            return query.getResultList().stream().filter(r -> access.may(caller, Operation.READ_COOPERATION, target(r)))
                    .map(r -> values.referral(em, r)).toList();
        });
    }

    Referral get(Caller caller, long id) {
        ReferralEntity r = load(id);
        requireVisible(caller, r);
        return jpa.txExpr(TransactionType.Supports, em -> values.referral(em, r));
    }

    /** Listed state by state (each listing checks the caller as {@link #list} does), most overdue first. */
    List<Referral> overdue(Caller caller, String jurisdictionCode) {
        List<Referral> all = new ArrayList<>();
        for (ReferralState s : ReferralState.values()) {
            if (s.awaitingFeedback()) {
                all.addAll(list(caller, jurisdictionCode, s));
            }
        }
        return all.stream().filter(Referral::overdue).sorted(java.util.Comparator.comparing(Referral::feedbackDue)
                .thenComparingLong(Referral::id)).toList();
    }

    ReferralEntity load(long id) {
        ReferralEntity r = jpa.txExpr(TransactionType.Supports, em -> em.find(ReferralEntity.class, id));
        if (r == null) {
            throw SupervisionException.notFound("移送线索 " + id + " 不存在");
        }
        return r;
    }

    static Target target(ReferralEntity r) {
        return Target.department(r.getJurisdictionCode(), r.getDepartmentCode());
    }

    void requireVisible(Caller caller, ReferralEntity r) {
        registry.access().require(caller, Operation.READ_COOPERATION, target(r));
    }
}
