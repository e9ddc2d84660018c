package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A scoring rule as data. Only the fields of its {@code type} are used; numbers are in the indicator's own
 * scale: its maximum points (POINTS systems) or 0–100 (PERCENT systems).
 * <ul>
 * <li>DEDUCT_PER_OCCURRENCE: {@code points} per case, or {@code tiers} (the tier with the largest
 *     {@code minCases} not above the count applies), from full marks, floored at 0.</li>
 * <li>BONUS_PER_OCCURRENCE: {@code points} per case up to {@code cap}.</li>
 * <li>BANDS: {@code bands}; {@code mode} SCORE (a band's value is the score) or DEDUCTION (subtracted from full marks).</li>
 * <li>LINEAR: from ({@code fromValue}, {@code fromScore}) to ({@code toValue}, {@code toScore}), clamped.</li>
 * <li>RATIO: value / {@code target} × full marks, capped at {@code cap} (default full marks).</li>
 * <li>GRADE: {@code levels} (label → score); several grades combined by {@code combine}; {@code trim} drops that many
 *     highest and lowest grades for TRIMMED_MEAN (default 1).</li>
 * <li>STATE: {@code levels} (state → score).</li>
 * <li>VETO: no parameters: the input says whether it is triggered.</li>
 * <li>CUSTOM: {@code ruleId} of a {@link ScoringRule} service and its {@code params}.</li>
 * </ul>
 * {@code description} is the standard in the office's words (评分标准), shown with every score.
 */
public record RuleSpec(RuleType type, String description, BigDecimal points, List<Tier> tiers, BigDecimal cap,
                       List<Band> bands, BandMode mode, BigDecimal fromValue, BigDecimal fromScore, BigDecimal toValue,
                       BigDecimal toScore, BigDecimal target, List<Level> levels, Combine combine, Integer trim,
                       String ruleId, Map<String, String> params) {

    public RuleSpec {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        bands = bands == null ? List.of() : List.copyOf(bands);
        levels = levels == null ? List.of() : List.copyOf(levels);
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** "{@code minCases} or more cases: {@code deduction}". */
    public record Tier(int minCases, BigDecimal deduction) { }

    /** An interval; a null bound is open-ended. */
    public record Band(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive, BigDecimal value) { }

    public record Level(String label, BigDecimal score) { }

    public enum BandMode { SCORE, DEDUCTION }

    public enum Combine { MEAN, TRIMMED_MEAN }
}
