package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import cn.supervision.api.registry.UnitKind;

/**
 * The content of an indicator system: what a bundle carries, what JSON import/export exchanges, what is
 * frozen at publication. {@code baseMax} is the common part (e.g. 100), {@code specificMax} the optional
 * unit-specific part (e.g. 20, 个性指标); {@code bonusCap} and {@code deductionCap} bound the adjustments in total.
 * {@code rounding} is the system's rounding policy; null (not stated) means {@link Rounding#DEFAULT}.
 */
public record SystemDefinition(String name, int year, Set<UnitKind> unitKinds, Aggregation aggregation,
                               BigDecimal baseMax, BigDecimal specificMax, BigDecimal bonusCap, BigDecimal deductionCap,
                               List<Indicator> indicators, List<Adjustment> adjustments, Rounding rounding) {

    public SystemDefinition {
        // enum order, not Set.of's per-JVM order: the canonical JSON (and so the content hash) must not change on restart
        unitKinds = unitKinds == null || unitKinds.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(unitKinds));
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** A definition that states no rounding policy (the default applies). */
    public SystemDefinition(String name, int year, Set<UnitKind> unitKinds, Aggregation aggregation, BigDecimal baseMax,
                            BigDecimal specificMax, BigDecimal bonusCap, BigDecimal deductionCap, List<Indicator> indicators,
                            List<Adjustment> adjustments) {
        this(name, year, unitKinds, aggregation, baseMax, specificMax, bonusCap, deductionCap, indicators, adjustments, null);
    }

    /** The same definition with other indicators (e.g. expanded for a unit's duties). */
    public SystemDefinition withIndicators(List<Indicator> indicators) {
        return new SystemDefinition(name, year, unitKinds, aggregation, baseMax, specificMax, bonusCap, deductionCap,
                indicators, adjustments, rounding);
    }

    /** The same definition for another year. */
    public SystemDefinition withYear(int year) {
        return new SystemDefinition(name, year, unitKinds, aggregation, baseMax, specificMax, bonusCap, deductionCap,
                indicators, adjustments, rounding);
    }
}
