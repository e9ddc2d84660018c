package cn.supervision.warning.internal.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.warning.WarningRule;

/** Red: an OPEN finding of the discipline category (机构编制纪律) — one listing of the jurisdiction's open findings. */
public final class DisciplineFindingRule implements Rule {
    /** Open findings read per jurisdiction and pass; beyond this the pass notes that it stopped. */
    static final int LIMIT = 100_000;

    @Override
    public WarningRule id() {
        return WarningRule.DISCIPLINE_FINDING;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        FindingService findings = facts.sources().findings().get();
        if (findings == null) {
            facts.note(id() + ": 问题清单服务未启用，本规则未运行");
            return List.of();
        }
        List<Finding> open = findings.list(facts.system(), facts.jurisdictionCode(), null, FindingState.OPEN, 0, LIMIT);
        if (open.size() == LIMIT) {
            facts.note(id() + ": 未整改问题超过 " + LIMIT + " 条，仅检查了前 " + LIMIT + " 条");
        }
        return open.stream()
                .filter(f -> f.category() == FindingCategory.DISCIPLINE && f.jurisdictionCode().equals(facts.jurisdictionCode()))
                .map(f -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("findingId", String.valueOf(f.id()));
                    values.put("severity", f.severity() == null ? "" : f.severity().name());
                    return new Hit(f.unitId(), id(), "finding:" + f.id(),
                            f.unitName() + " 存在未整改的机构编制纪律问题：" + f.description(), values);
                }).toList();
    }
}
