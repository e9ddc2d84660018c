package cn.supervision.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.assessment.internal.ItemRules.Derived;

/**
 * A jurisdiction's bonus and deduction items of a year in force, as the caller may read them unit by unit: the
 * jurisdiction's own office stores the reconciliation as it reads (under the {@link AssessmentLock}), anyone else reads
 * it merged without writing ({@link Reconciliation}).
 */
final class ItemListing {
    private final JpaTemplate jpa;
    private final AssessmentAccess access;
    private final Mappings mappings;
    private final CampaignResults campaigns;
    private final Clock clock;

    ItemListing(JpaTemplate jpa, AssessmentAccess access, Mappings mappings, CampaignResults campaigns, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.mappings = mappings;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    List<AssessmentItem> items(Caller caller, String jurisdictionCode, int year) {
        access.requireRead(caller, jurisdictionCode, year);
        Mapping mapping = mappings.current(jurisdictionCode, year).orElseThrow(() -> SupervisionException.conflict(
                "行政区划 " + jurisdictionCode + " 尚未配置 " + year + " 年度综合考核折算规则，请先由本级编办配置"));
        List<Derived> derived = ItemRules.derive(mapping, CampaignResults.specials(campaigns.published(jurisdictionCode, year)));
        Map<Long, String> codes = new HashMap<>();
        access.units(jurisdictionCode).forEach(u -> codes.put(u.id(), u.code()));
        Instant now = clock.instant();
        List<AssessmentItem> items;
        if (access.manages(caller, jurisdictionCode)) {
            items = jpa.txExpr(TransactionType.Required, em -> {
                AssessmentLock.hold(em, jurisdictionCode, year);
                return Reconciliation.reconcile(em, jurisdictionCode, year, mapping.revision(), derived, now);
            });
        } else {
            items = jpa.txExpr(TransactionType.Supports, em -> Reconciliation.merged(em, jurisdictionCode, year, mapping.revision(), derived));
        }
        return access.policy().filter(caller, Operation.READ_RESULTS, items,
                i -> new Target(jurisdictionCode, codes.get(i.unitId()), true));
    }
}
