package cn.supervision.api.followup;

import java.time.Instant;

/**
 * A problem (问题) of one unit in one jurisdiction, with its source, category and severity. Never deleted: withdrawn or
 * rectified findings stay with their history. {@code noticeId} is the rectification notice that took it up, if any.
 */
public record Finding(long id, String jurisdictionCode, long unitId, String unitName, FindingSource source,
                      FindingCategory category, Severity severity, String description, String evidence, FindingState state,
                      Long noticeId, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
