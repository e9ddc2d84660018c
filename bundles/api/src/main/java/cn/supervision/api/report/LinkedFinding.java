package cn.supervision.api.report;

/** A finding the report is about, as it stood when the report was last drafted. {@code severity} is the Severity name. */
public record LinkedFinding(long findingId, long unitId, String unitName, String category, String severity, String description) {
}
