package cn.supervision.indicator.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.supervision.api.indicator.DutyPart;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;

/**
 * Expands the duty-driven leaves of a definition into one child per main duty of a unit (see {@link DutyPart}).
 * Shares are percentages with 2 decimals that add up to exactly 100: the last duty takes what rounding left over, so
 * the same duties always give the same leaves.
 */
final class DutyExpander {
    static final int MAX_NAME = 100;

    SystemDefinition expand(SystemDefinition d, List<DutyRecord> duties) {
        List<DutyRecord> active = duties == null ? List.of() : duties.stream()
                .filter(x -> x.status() == DutyStatus.ACTIVE)
                .sorted(Comparator.comparingInt(DutyRecord::number).thenComparingLong(DutyRecord::id))
                .toList();
        if (active.isEmpty() || !hasDutyPart(d.indicators())) {
            return d;
        }
        List<Indicator> roots = d.indicators().stream().map(n -> expand(n, active)).toList();
        return d.withIndicators(roots);
    }

    static boolean hasDutyPart(List<Indicator> nodes) {
        for (Indicator n : nodes) {
            if (n.perDuty() != null || hasDutyPart(n.children())) {
                return true;
            }
        }
        return false;
    }

    private Indicator expand(Indicator n, List<DutyRecord> duties) {
        if (!n.leaf()) {
            List<Indicator> children = n.children().stream().map(c -> expand(c, duties)).toList();
            return new Indicator(n.code(), n.name(), n.assessmentPoints(), n.evidence(), n.weight(), n.category(),
                    n.scope(), n.rule(), children, n.perDuty(), n.dutyId());
        }
        if (n.perDuty() == null) {
            return n;
        }
        DutyPart part = n.perDuty();
        List<DutyRecord> matching = duties.stream()
                .filter(x -> part.types().isEmpty() || (x.type() != null && part.types().contains(x.type())))
                .toList();
        if (matching.isEmpty()) {
            return n;
        }
        List<BigDecimal> shares = shares(part, matching);
        List<Indicator> children = new ArrayList<>(matching.size());
        for (int i = 0; i < matching.size(); i++) {
            DutyRecord duty = matching.get(i);
            children.add(new Indicator(n.code() + "-" + duty.number(), name(duty), n.assessmentPoints(), n.evidence(),
                    shares.get(i), n.category(), n.scope(), n.rule(), List.of(), null, duty.id()));
        }
        return new Indicator(n.code(), n.name(), n.assessmentPoints(), n.evidence(), n.weight(), n.category(), n.scope(),
                n.rule(), children, part, null);
    }

    private static String name(DutyRecord duty) {
        String name = "职责" + duty.number() + "：" + duty.text().strip();
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }

    static List<BigDecimal> shares(DutyPart part, List<DutyRecord> duties) {
        List<BigDecimal> weights = duties.stream()
                .map(x -> part.weighting() == DutyPart.Weighting.BY_TYPE && x.type() != null
                        ? part.typeWeights().getOrDefault(x.type(), BigDecimal.ONE) : BigDecimal.ONE)
                .toList();
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>(weights.size());
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < weights.size() - 1; i++) {
            BigDecimal share = weights.get(i).multiply(Decimals.HUNDRED).divide(total, 2, RoundingMode.DOWN);
            shares.add(share);
            given = given.add(share);
        }
        shares.add(Decimals.HUNDRED.subtract(given).setScale(2, RoundingMode.UNNECESSARY));
        return shares;
    }
}
