package cn.supervision.warning.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.StaffingService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.warning.WarningRule;

/**
 * Red: the latest staffing in use of a unit exceeds its approved numbers (mandate staffing): administrative staff
 * over administrative slots, institutional staff over institutional slots, or leadership posts filled over the
 * approved posts. One warning per unit and recording date (a new recording that is still over raises anew).
 */
public final class OverStaffingRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.OVER_STAFFING;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        StaffingService staffing = facts.sources().staffing().get();
        if (staffing == null) {
            facts.note(id() + ": 编制实有人员服务未启用，本规则未运行");
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (StaffingInUse s : staffing.current(facts.system(), facts.jurisdictionCode())) {
            Unit unit = facts.units().get(s.unitId());
            if (unit == null) {
                continue;
            }
            Staffing approved = unit.mandate() == null ? Staffing.NONE : unit.mandate().staffing();
            List<String> over = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            check(over, values, "行政编制", "administrative", s.administrativeStaff(), approved.administrativeSlots());
            check(over, values, "事业编制", "institutional", s.institutionalStaff(), approved.institutionalSlots());
            check(over, values, "领导职数", "leadership", s.leadershipPostsFilled(), approved.leadershipPosts());
            if (over.isEmpty()) {
                continue;
            }
            values.put("asOf", s.asOf().toString());
            hits.add(new Hit(unit.id(), id(), "staffing:" + s.asOf(),
                    unit.name() + " 截至 " + s.asOf() + " " + String.join("，", over), values));
        }
        return hits;
    }

    private static void check(List<String> over, Map<String, String> values, String label, String key, int inUse, int approved) {
        values.put(key + "InUse", String.valueOf(inUse));
        values.put(key + "Approved", String.valueOf(approved));
        if (inUse > approved) {
            over.add(label + "实有 " + inUse + " 超过核定 " + approved);
        }
    }
}
