package cn.supervision.indicator.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The platform's arithmetic for scores: BigDecimal throughout; divisions carry 20 significant digits
 * (half up); every score shown or summed is rounded to 2 decimals, half up. Same inputs, same digits.
 */
final class Decimals {
    static final MathContext DIVISION = new MathContext(20, RoundingMode.HALF_UP);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal clamp(BigDecimal v, BigDecimal min, BigDecimal max) {
        return v.max(min).min(max);
    }

    static String fmt(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
