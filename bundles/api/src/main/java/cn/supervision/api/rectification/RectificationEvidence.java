package cn.supervision.api.rectification;

import java.time.Instant;

/** An evidence file of an item (the unit's) or of a visit (the office's), with its SHA-256. */
public record RectificationEvidence(long id, long noticeId, Long itemId, Long visitId, String fileName, String contentType, long size,
                                    String sha256, String uploadedBy, Instant uploadedAt) {
}
