package cn.supervision.warning.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.warning.WarningRule;

/**
 * Blue: active main duties of a unit that no campaign of the jurisdiction assessed in the last N years (the current
 * year included; N is {@code dutyNotAssessed.years}, default 3) — routine supervision is to cover all main duties
 * (art. 13). One warning per unit and year, naming the duties; the coverage service computes which they are.
 */
public final class DutyNotAssessedRule implements Rule {
    /** Beyond this many duties the text names the first ones and counts the rest; the values list them all. */
    static final int NAMED = 10;

    @Override
    public WarningRule id() {
        return WarningRule.DUTY_NOT_ASSESSED;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        CoverageService coverage = facts.sources().coverage().get();
        if (coverage == null) {
            facts.note(id() + ": 主要职责覆盖服务未启用，本规则未运行");
            return List.of();
        }
        int years = facts.config().dutyYears();
        int until = facts.today().getYear();
        Map<Long, List<StaleDuty>> byUnit = new LinkedHashMap<>();
        for (StaleDuty d : coverage.notAssessed(facts.system(), facts.jurisdictionCode(), years, until)) {
            byUnit.computeIfAbsent(d.unitId(), k -> new ArrayList<>()).add(d);
        }
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, List<StaleDuty>> e : byUnit.entrySet()) {
            Unit unit = facts.units().get(e.getKey());
            if (unit == null) {
                continue;
            }
            List<StaleDuty> stale = e.getValue();
            List<String> named = stale.stream().limit(NAMED).map(DutyNotAssessedRule::name).toList();
            String more = stale.size() > NAMED ? " 等 " + stale.size() + " 项" : "";
            Map<String, String> values = new LinkedHashMap<>();
            values.put("years", String.valueOf(years));
            values.put("fromYear", String.valueOf(until - years + 1));
            values.put("untilYear", String.valueOf(until));
            values.put("dutyIds", String.join(",", stale.stream().map(d -> String.valueOf(d.dutyId())).toList()));
            values.put("dutyNumbers", String.join(",", stale.stream().map(d -> String.valueOf(d.number())).toList()));
            hits.add(new Hit(unit.id(), id(), "duties:" + until,
                    unit.name() + " 有 " + stale.size() + " 项主要职责近 " + years + " 年（" + (until - years + 1) + "—" + until
                            + "年）未被任何监管活动评估：" + String.join("；", named) + more, values));
        }
        return hits;
    }

    /** "第3项 负责……（最近评估于2022年）" or "（从未评估）". */
    private static String name(StaleDuty d) {
        return "第" + d.number() + "项 " + d.text()
                + (d.lastAssessedYear() == null ? "（从未评估）" : "（最近评估于" + d.lastAssessedYear() + "年）");
    }
}
