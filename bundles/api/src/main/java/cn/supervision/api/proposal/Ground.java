package cn.supervision.api.proposal;

/**
 * One finding a proposal rests on, as it read when the proposal was last saved; for a finding from a published
 * campaign, the score it was generated from (campaign, indicator code and revision).
 */
public record Ground(long findingId, long unitId, String unitName, String category, String severity, String description,
                     Long campaignId, String indicatorCode, Integer revision) {
}
