package cn.supervision.api.campaign;

import java.time.Instant;

/** An evidence file attached to an input: stored with its SHA-256; the bytes are fetched separately. */
public record Evidence(long id, long inputId, String fileName, String contentType, long size, String sha256, String uploadedBy,
                       Instant uploadedAt) {
}
