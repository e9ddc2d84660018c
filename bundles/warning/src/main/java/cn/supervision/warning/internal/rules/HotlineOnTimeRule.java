package cn.supervision.warning.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.warning.WarningRule;
import cn.supervision.warning.internal.WarningConfig;

/**
 * Yellow: the configured 12345 on-time metric, aggregated per unit by the platform-data service over the last
 * complete month or quarter (one aggregate query per jurisdiction), strictly below the target (in the metric's own
 * unit, e.g. percent). One warning per unit and period.
 */
public final class HotlineOnTimeRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.HOTLINE_ON_TIME;
    }

    /** The last complete window before {@code today}, as [from, to] and a label. */
    static Object[] window(LocalDate today, WarningConfig.Window window) {
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        if (window == WarningConfig.Window.MONTH) {
            LocalDate from = firstOfMonth.minusMonths(1);
            return new Object[] {from, firstOfMonth.minusDays(1), String.format("%d-%02d", from.getYear(), from.getMonthValue())};
        }
        int quarterStartMonth = (today.getMonthValue() - 1) / 3 * 3 + 1;
        LocalDate thisQuarter = today.withMonth(quarterStartMonth).withDayOfMonth(1);
        LocalDate from = thisQuarter.minusMonths(3);
        return new Object[] {from, thisQuarter.minusDays(1), from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1)};
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        WarningConfig config = facts.config();
        Object[] w = window(facts.today(), config.hotlineWindow());
        LocalDate from = (LocalDate) w[0];
        LocalDate to = (LocalDate) w[1];
        String period = (String) w[2];
        List<Aggregate> aggregates;
        try {
            aggregates = facts.sources().platformData().aggregate(facts.system(), facts.jurisdictionCode(),
                    config.hotlineMetric(), from, to);
        } catch (SupervisionException e) {
            if (e.kind() == ProblemKind.NOT_FOUND || e.kind() == ProblemKind.INVALID) {
                facts.note(id() + ": 指标 " + config.hotlineMetric() + " 在 " + facts.jurisdictionCode() + " 未定义");
                return List.of();
            }
            throw e;
        }
        BigDecimal target = config.hotlineTarget();
        List<Hit> hits = new ArrayList<>();
        for (Aggregate a : aggregates) {
            Unit unit = facts.units().get(a.unitId());
            if (unit == null || a.value() == null || a.value().compareTo(target) >= 0) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("metric", a.metric());
            values.put("period", period);
            values.put("value", a.value().toPlainString());
            values.put("target", target.toPlainString());
            values.put("rows", String.valueOf(a.rows()));
            hits.add(new Hit(unit.id(), id(), "metric:" + config.hotlineMetric() + ":" + period,
                    unit.name() + " " + period + " 12345 按时办结率 " + a.value().toPlainString() + "，低于目标 "
                            + target.toPlainString(), values));
        }
        return hits;
    }
}
