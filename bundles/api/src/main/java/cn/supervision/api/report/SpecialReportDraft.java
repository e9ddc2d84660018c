package cn.supervision.api.report;

import java.util.List;

/**
 * What the office writes: a title, the sections of text, and what the report is about — findings (问题清单), units of
 * the registry and campaigns, all of the report's own jurisdiction. The published scores of the linked units in the
 * linked campaigns are included in the report. Lists may be empty, never null once checked.
 */
public record SpecialReportDraft(String title, List<ReportSection> sections, List<Long> findingIds, List<Long> unitIds,
                                 List<Long> campaignIds) {
}
