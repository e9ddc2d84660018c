package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * How a system rounds its scores, as the office's spreadsheet does. {@code scale} decimals (default 2), {@code mode}
 * (default {@code HALF_UP}, the spreadsheet's ROUND; {@code DOWN} is ROUNDDOWN, {@code UP} ROUNDUP, {@code HALF_EVEN}
 * banker's rounding) and {@code at}: {@link At#FINAL_ONLY} (default) computes with exact decimals to the end and rounds
 * only what is shown or published; {@link At#EVERY_NODE} rounds every node's score before it is aggregated, for a
 * county whose method says so. A missing field takes its default.
 */
public record Rounding(Integer scale, RoundingMode mode, At at) {

    public enum At { FINAL_ONLY, EVERY_NODE }

    /** The modes a system may choose; the others either equal one of these on scores (never negative) or throw. */
    public static final Set<RoundingMode> MODES = Set.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN,
            RoundingMode.UP);
    public static final int MAX_SCALE = 6;
    /** 2 decimals, half up, final values only. */
    public static final Rounding DEFAULT = new Rounding(2, RoundingMode.HALF_UP, At.FINAL_ONLY);

    public Rounding {
        scale = scale == null ? 2 : scale;
        mode = mode == null ? RoundingMode.HALF_UP : mode;
        at = at == null ? At.FINAL_ONLY : at;
    }

    /** The policy of a definition: its own, or the default when it states none. */
    public static Rounding of(SystemDefinition d) {
        return d == null || d.rounding() == null ? DEFAULT : d.rounding();
    }

    /** A value as it is shown or published. */
    public BigDecimal round(BigDecimal v) {
        return v.setScale(scale, mode);
    }

    /** A node's score as it enters the aggregation: rounded under {@code EVERY_NODE}, exact otherwise. */
    public BigDecimal atNode(BigDecimal v) {
        return at == At.EVERY_NODE ? round(v) : v;
    }
}
