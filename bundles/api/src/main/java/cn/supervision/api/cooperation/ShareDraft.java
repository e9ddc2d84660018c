package cn.supervision.api.cooperation;

import java.util.List;

/**
 * A share (情况通报) to send: to active departments of {@code jurisdictionCode} (null: the caller's own), the results of
 * a PUBLISHED campaign of the same jurisdiction (all its units, or only {@code unitIds}) and/or generated documents of
 * the jurisdiction (by {@code StoredDocument} id), with a subject and a message. At least one of campaign and
 * documents.
 */
public record ShareDraft(String jurisdictionCode, String subject, String message, Long campaignId, List<Long> unitIds,
                         List<Long> documentIds, List<Long> departmentIds) {
}
