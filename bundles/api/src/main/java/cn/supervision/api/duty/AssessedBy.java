package cn.supervision.api.duty;

import java.math.BigDecimal;

/** One campaign leaf that assessed a duty, with the score it gave (on the template indicator's scale). */
public record AssessedBy(long campaignId, String campaignTitle, String indicatorCode, String indicatorName,
                         String leafCode, BigDecimal score, BigDecimal max) {
}
