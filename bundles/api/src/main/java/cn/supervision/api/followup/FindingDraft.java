package cn.supervision.api.followup;

/** A finding to record for one unit. */
public record FindingDraft(long unitId, FindingSource source, FindingCategory category, Severity severity,
                           String description, String evidence) {
}
