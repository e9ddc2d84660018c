package cn.supervision.api.report;

import java.math.BigDecimal;

/** A published score of a linked unit in a linked campaign (the campaign's published results, as when drafted). */
public record LinkedScore(long campaignId, String campaignName, long unitId, String unitName, BigDecimal total, String grade, int rank) {
}
