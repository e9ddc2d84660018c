package cn.supervision.api.report;

/** One section of a report's text: the problem, its evidence, the analysis, the proposed handling. {@code heading} may be null. */
public record ReportSection(String heading, String text) {
}
