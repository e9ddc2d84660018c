package cn.supervision.api.survey;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A response whose score lies beyond 2σ of its unit's mean (units with at least 3 responses). PENDING until the
 * office decides; ACCEPTED responses count, EXCLUDED ones do not. The decision is kept with who, when and why.
 */
public record Outlier(long responseId, long unitId, BigDecimal score, BigDecimal unitMean, BigDecimal standardDeviation,
                      Decision decision, String note, String decidedBy, Instant decidedAt) {

    public enum Decision { PENDING, ACCEPTED, EXCLUDED }
}
