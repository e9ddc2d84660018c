package cn.supervision.api.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A bonus or deduction item proposed from a special campaign's result ({@code campaignId} at {@code resultRevision})
 * by rule {@code ruleNumber} (1-based) of mapping revision {@code mappingRevision}, with its generated reason.
 */
public record AssessmentItem(long id, String jurisdictionCode, int year, long unitId, String unitName, long campaignId,
                             String campaignTitle, int resultRevision, int mappingRevision, int ruleNumber, ItemKind kind,
                             BigDecimal points, String reason, ItemState state, String decidedBy, Instant decidedAt, String note) {
}
