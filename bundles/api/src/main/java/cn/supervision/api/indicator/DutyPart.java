package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.registry.DutyType;

/**
 * Declares an indicator leaf duty-driven (按职责逐项考核): when a campaign starts collecting, the leaf is expanded for
 * each target unit into one child leaf per active main duty of the unit ({@code types}, if not empty, keeps only duties
 * of those types), coded {@code <leaf code>-<duty number>}, named after the duty, scored by the leaf's own rule on the
 * leaf's scale. The leaf's score is then the children's weighted mean: EQUAL gives every duty the same share,
 * BY_TYPE shares in proportion to {@code typeWeights} (a type not listed weighs 1). A unit without a matching duty keeps
 * the leaf unexpanded.
 */
public record DutyPart(Weighting weighting, Map<DutyType, BigDecimal> typeWeights, Set<DutyType> types) {

    public enum Weighting { EQUAL, BY_TYPE }

    public DutyPart {
        weighting = weighting == null ? Weighting.EQUAL : weighting;
        typeWeights = typeWeights == null ? Map.of() : Map.copyOf(typeWeights);
        types = types == null ? Set.of() : Set.copyOf(types);
    }
}
