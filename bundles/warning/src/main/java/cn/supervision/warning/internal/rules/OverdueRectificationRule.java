package cn.supervision.warning.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.warning.WarningRule;

/**
 * Blue: a rectification item in state OVERDUE (the rectification bundle's deadline pass decides overdue; this rule
 * does not re-derive it). One listing of the jurisdiction's notices with their items; one warning per item.
 */
public final class OverdueRectificationRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.OVERDUE_RECTIFICATION;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        RectificationService rectifications = facts.sources().rectifications().get();
        if (rectifications == null) {
            facts.note(id() + ": 整改服务未启用，本规则未运行");
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Notice n : rectifications.list(facts.system(), facts.jurisdictionCode(), null, null)) {
            if (!n.jurisdictionCode().equals(facts.jurisdictionCode()) || n.items() == null) {
                continue;
            }
            for (Item i : n.items()) {
                if (i.state() != ItemState.OVERDUE) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("noticeId", String.valueOf(n.id()));
                values.put("notice", n.number());
                values.put("itemId", String.valueOf(i.id()));
                values.put("deadline", String.valueOf(i.dueDate() != null ? i.dueDate() : n.deadline()));
                values.put("overdueSince", String.valueOf(i.overdueSince()));
                hits.add(new Hit(n.unitId(), id(), "rectification-item:" + i.id(),
                        n.unitName() + " 整改通知 " + n.number() + " 的事项“" + i.findingDescription() + "”已逾期（自 "
                                + i.overdueSince() + "）", values));
            }
        }
        return hits;
    }
}
