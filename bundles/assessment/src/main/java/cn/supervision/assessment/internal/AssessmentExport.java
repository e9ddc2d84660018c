package cn.supervision.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.UnitAssessment;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.assessment.internal.CampaignResults.Published;
import cn.supervision.assessment.internal.ItemRules.Derived;
import cn.supervision.assessment.internal.RoutineLines.Line;
import cn.supervision.assessment.internal.model.ExportEntity;

/**
 * The mapped view of a jurisdiction's year, as exported: every unit's routine line ({@link RoutineLines}), its items in
 * force ({@link Reconciliation}: stored by the jurisdiction's own office, merged for anyone else) and final points
 * ({@link Points}), the units the caller may read only; each export recorded in the {@link ExportLog}.
 */
final class AssessmentExport {
    // the service's logger, so the log configuration that watched exports before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaAssessmentService.class);

    private final JpaTemplate jpa;
    private final AssessmentAccess access;
    private final Mappings mappings;
    private final CampaignResults campaigns;
    private final ExportLog log;
    private final Clock clock;

    AssessmentExport(JpaTemplate jpa, AssessmentAccess access, Mappings mappings, CampaignResults campaigns, ExportLog log,
                     Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.mappings = mappings;
        this.campaigns = campaigns;
        this.log = log;
        this.clock = clock;
    }

    AssessmentView export(Caller caller, String jurisdictionCode, int year, ExportFormat format) {
        access.requireRead(caller, jurisdictionCode, year);
        Objects.requireNonNull(format, "format");
        Mapping mapping = mappings.current(jurisdictionCode, year).orElseThrow(() -> SupervisionException.conflict(
                "行政区划 " + jurisdictionCode + " 尚未配置 " + year + " 年度综合考核折算规则，请先由本级编办配置"));
        List<Published> published = campaigns.published(jurisdictionCode, year);
        List<Published> routine = RoutineLines.campaigns(mapping, published);
        Map<Long, Unit> units = new HashMap<>();
        access.units(jurisdictionCode).forEach(u -> units.put(u.id(), u));
        // every unit's routine line, computed (and refused on an unmapped grade) before anything is written
        Map<Long, Line> lines = RoutineLines.lines(mapping, routine);
        List<Derived> derived = ItemRules.derive(mapping, CampaignResults.specials(published));
        List<CampaignRevision> used = published.stream().map(Published::revision).toList();
        Instant now = clock.instant();
        boolean own = access.manages(caller, jurisdictionCode);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (own) {
                AssessmentLock.hold(em, jurisdictionCode, year);
            }
            List<AssessmentItem> items = own ? Reconciliation.reconcile(em, jurisdictionCode, year, mapping.revision(), derived, now)
                    : Reconciliation.merged(em, jurisdictionCode, year, mapping.revision(), derived);
            List<UnitAssessment> view = view(caller, jurisdictionCode, mapping, units, lines, items);
            ExportEntity e = log.record(em, caller, jurisdictionCode, year, format, now, mapping.revision(), used, view.size());
            LOG.info("Assessment {}/{} exported as {} by {} (mapping revision {}, {} units)", jurisdictionCode, year, format,
                    caller.username(), mapping.revision(), view.size());
            return new AssessmentView(jurisdictionCode, year, mapping.revision(), used, view, e.getId(), now);
        });
    }

    /** The units with a routine line or an item, those the caller may read, by unit code (units the registry lacks last). */
    private List<UnitAssessment> view(Caller caller, String jurisdictionCode, Mapping mapping, Map<Long, Unit> units,
                                      Map<Long, Line> lines, List<AssessmentItem> items) {
        Map<Long, List<AssessmentItem>> byUnit = new HashMap<>();
        items.forEach(i -> byUnit.computeIfAbsent(i.unitId(), k -> new ArrayList<>()).add(i));
        Map<Long, String> names = new LinkedHashMap<>();
        lines.forEach((id, l) -> names.put(id, l.result().unitName()));
        items.forEach(i -> names.putIfAbsent(i.unitId(), i.unitName()));
        List<UnitAssessment> view = new ArrayList<>();
        for (Map.Entry<Long, String> n : names.entrySet()) {
            Unit unit = units.get(n.getKey());
            String code = unit == null ? null : unit.code();
            if (!access.policy().may(caller, Operation.READ_RESULTS, new Target(jurisdictionCode, code, true))) {
                continue;
            }
            Line l = lines.get(n.getKey());
            List<AssessmentItem> mine = byUnit.getOrDefault(n.getKey(), List.of());
            view.add(new UnitAssessment(n.getKey(), code, n.getValue(), l == null ? null : l.campaign().campaign().id(),
                    l == null ? null : l.campaign().latest().revision(), l == null ? null : l.result().total(),
                    l == null ? null : l.result().grade(), l == null ? null : l.points(), mine,
                    Points.finalPoints(mapping, l == null ? null : l.points(), mine)));
        }
        view.sort(Comparator.comparing((UnitAssessment u) -> u.unitCode() == null ? "\uffff" : u.unitCode())
                .thenComparingLong(UnitAssessment::unitId));
        return view;
    }
}
