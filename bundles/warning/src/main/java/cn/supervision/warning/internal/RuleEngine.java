package cn.supervision.warning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.security.Caller;
import cn.supervision.warning.internal.rules.DisciplineFindingRule;
import cn.supervision.warning.internal.rules.DutyNotAssessedRule;
import cn.supervision.warning.internal.rules.FallingScoreRule;
import cn.supervision.warning.internal.rules.Facts;
import cn.supervision.warning.internal.rules.Hit;
import cn.supervision.warning.internal.rules.HotlineOnTimeRule;
import cn.supervision.warning.internal.rules.LowViewRule;
import cn.supervision.warning.internal.rules.MissingEvidenceRule;
import cn.supervision.warning.internal.rules.OverStaffingRule;
import cn.supervision.warning.internal.rules.OverdueRectificationRule;
import cn.supervision.warning.internal.rules.OverdueSelfReportRule;
import cn.supervision.warning.internal.rules.Rule;
import cn.supervision.warning.internal.rules.Sources;
import cn.supervision.warning.internal.rules.VetoRule;

/**
 * Runs the enabled rules over one jurisdiction's facts. A rule that fails is noted and the others still run: one
 * broken source must not hide the other warnings.
 */
final class RuleEngine {
    static final List<Rule> ALL = List.of(new VetoRule(), new OverStaffingRule(), new DisciplineFindingRule(), new LowViewRule(),
            new FallingScoreRule(), new HotlineOnTimeRule(), new OverdueSelfReportRule(), new MissingEvidenceRule(), new OverdueRectificationRule(),
            new DutyNotAssessedRule());

    private final Sources sources;
    private final WarningConfig config;

    RuleEngine(Sources sources, WarningConfig config) {
        this.sources = sources;
        this.config = config;
    }

    /** The hits of every enabled rule, the facts they were read from (units, notes), and the rules that failed. */
    record Outcome(List<Hit> hits, Facts facts, List<String> failures) { }

    Outcome evaluate(Caller system, String jurisdictionCode, LocalDate today) {
        Facts facts = new Facts(sources, system, jurisdictionCode, today, config);
        List<Hit> hits = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Rule rule : ALL) {
            if (!config.enabled(rule.id())) {
                continue;
            }
            try {
                hits.addAll(rule.evaluate(facts));
            } catch (RuntimeException e) {
                failures.add(rule.id() + " 在 " + jurisdictionCode + " 运行失败：" + e.getMessage());
            }
        }
        return new Outcome(hits, facts, failures);
    }
}
