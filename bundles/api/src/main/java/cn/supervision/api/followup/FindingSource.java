package cn.supervision.api.followup;

/**
 * The provenance of a finding. CAMPAIGN_RESULT names {@code campaignId}, {@code indicatorCode} and {@code revision};
 * WARNING names {@code warningId}; INSTRUCTION, INSPECTION and MANUAL carry a {@code reference} (the instruction's id
 * or number, the inspection's document number, the reason of a manual entry), which is then mandatory.
 */
public record FindingSource(SourceKind kind, Long campaignId, String indicatorCode, Integer revision, Long warningId,
                            String reference) {

    public static FindingSource campaign(long campaignId, String indicatorCode, int revision) {
        return new FindingSource(SourceKind.CAMPAIGN_RESULT, campaignId, indicatorCode, revision, null, null);
    }

    public static FindingSource warning(long warningId) {
        return new FindingSource(SourceKind.WARNING, null, null, null, warningId, null);
    }

    public static FindingSource of(SourceKind kind, String reference) {
        return new FindingSource(kind, null, null, null, null, reference);
    }
}
