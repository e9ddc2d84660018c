package cn.supervision.campaign.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDeadlines;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.campaign.internal.model.InputEntity;

/**
 * Who self-reported and who is late, from the recorded self-reports (never changed, so the answer is a pure function of
 * the records, the plan and the time asked). The office reads it; the deadline pass uses it to pick whom to remind.
 */
public final class DeadlineLedger implements CampaignDeadlines {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final UnitSystems views;
    private final CampaignService campaigns;
    private final Clock clock;

    public DeadlineLedger(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, CampaignService campaigns) {
        this(jpa, registry, systems, campaigns, Clock.systemUTC());
    }

    DeadlineLedger(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, CampaignService campaigns, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.views = new UnitSystems(jpa, systems);
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public Lateness lateness(Caller caller, long campaignId) {
        Campaign c = campaigns.get(caller, campaignId);
        // as for coverage: the office of the campaign (and its leaders); the city a county's once published
        registry.access().require(caller, Operation.READ_INPUTS,
                Target.of(c.jurisdictionCode()).published(c.state() == CampaignState.PUBLISHED));
        if (c.targetUnitIds() == null) {
            throw SupervisionException.conflict("监管活动尚未开始采集（当前：" + c.state() + "）");
        }
        return compute(c, registry.listUnits(caller, c.jurisdictionCode(), true), clock.instant());
    }

    /** The lateness of the target units among {@code units}, as at {@code now}. */
    Lateness compute(Campaign c, List<Unit> units, Instant now) {
        Instant end = CampaignDeadlines.endOf(c.collectionDeadline());
        boolean passed = end != null && !now.isBefore(end);
        Map<Long, List<InputEntity>> byUnit = new HashMap<>();
        for (InputEntity i : selfReports(c.id())) {
            byUnit.computeIfAbsent(i.getUnitId(), k -> new ArrayList<>()).add(i);
        }
        ReportScope scope = new ReportScope(views);
        List<UnitLateness> rows = new ArrayList<>();
        for (Unit u : units.stream().filter(u -> c.targetUnitIds().contains(u.id())).sorted(Comparator.comparing(Unit::code)).toList()) {
            List<InputEntity> reports = byUnit.getOrDefault(u.id(), List.of());
            // the latest self-report per code decides: a report the office returned asks for another one
            Map<String, ReviewStatus> latest = new HashMap<>();
            int late = 0;
            for (InputEntity i : reports) {
                latest.put(i.getCode(), i.getReview());
                if (Records.late(c, i.getEnteredAt())) {
                    late++;
                }
            }
            List<String> missing = scope.expected(c, u).keySet().stream()
                    .filter(code -> latest.get(code) == null || latest.get(code) == ReviewStatus.RETURNED).toList();
            boolean complete = missing.isEmpty();
            rows.add(new UnitLateness(u.id(), u.code(), u.name(), !reports.isEmpty(), complete,
                    reports.isEmpty() ? null : Instant.ofEpochMilli(reports.get(0).getEnteredAt()),
                    reports.isEmpty() ? null : Instant.ofEpochMilli(reports.get(reports.size() - 1).getEnteredAt()),
                    late, late > 0 || (passed && !complete), missing));
        }
        return new Lateness(c.id(), c.collectionDeadline(), c.latePolicy(), passed, rows);
    }

    /** Every self-report of the campaign, oldest first. */
    private List<InputEntity> selfReports(long campaignId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select i from InputEntity i where i.campaignId = :c"
                        + " and i.source = :s order by i.id", InputEntity.class)
                .setParameter("c", campaignId).setParameter("s", InputSource.SELF_REPORT).getResultList());
    }
}
