package cn.supervision.api.followup;

/**
 * Codes a CAMPAIGN_RESULT source may name besides the indicator and adjustment codes of the campaign's system. They
 * start with '#', which no indicator code may (codes start with a letter or digit), so they never clash.
 */
public final class ResultCodes {
    /** The unit's duty and corroboration views were flagged as not corroborating each other (印证差异). */
    public static final String GAP = "#GAP";

    private ResultCodes() {
    }
}
