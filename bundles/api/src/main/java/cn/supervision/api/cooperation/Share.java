package cn.supervision.api.cooperation;

import java.time.Instant;
import java.util.List;

/**
 * A share (情况通报) as recorded: the campaign results as they stood when shared (revision {@code revision}; the rows are
 * a copy, later corrections do not change what was sent), the documents by reference, and one read receipt per
 * addressee. A department sees only its own receipt. Listings leave {@code results} empty ({@code resultCount} says
 * how many rows the share carries).
 */
public record Share(long id, String jurisdictionCode, String subject, String message, Long campaignId, String campaignTitle,
                    Integer revision, int resultCount, List<SharedResult> results, List<SharedDocument> documents,
                    List<ShareRecipient> recipients, String sharedBy, Instant sharedAt) {

    /** One unit's shared result: name, total score, grade and rank. */
    public record SharedResult(long unitId, String unitName, java.math.BigDecimal total, String grade, int rank) {
    }

    /** A generated document shared by reference (its content is read through the share). */
    public record SharedDocument(long documentId, String title, String documentNumber, String fileName, String contentType,
                                 String sha256, long size) {
    }

    /** One addressee and whether (when, by whom) it has read the share. */
    public record ShareRecipient(long departmentId, String departmentCode, String departmentName, Instant readAt, String readBy) {
    }
}
