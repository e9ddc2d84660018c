package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * SPI: a rule kind contributed by a bundle, used by indicators whose rule is {@code CUSTOM} with this
 * {@link #id()}. Register it as an OSGi service. Scores must be deterministic and within 0..max.
 */
public interface ScoringRule {

    /** Unique id, e.g. {@code guangrao.hotline-weighted}. */
    String id();

    /** Problems with the parameters an indicator gives this rule (empty when fine). */
    List<String> validate(Map<String, String> params);

    RuleResult score(Map<String, String> params, IndicatorInput input, BigDecimal max);
}
