package cn.supervision.api.document;

import java.time.Instant;

/**
 * One immutable generated document version. {@code version} counts per (jurisdiction, kind, subject, format) from 1;
 * {@code documentNumber} is null for unnumbered kinds; {@code sha256} is the hex hash of the stored bytes;
 * {@code templateSource} says which template rendered it ({@code builtin} or the contribution bundle's symbolic name)
 * and {@code templateSha256} which content of it. {@code issued}: sent to the unit or department it concerns.
 */
public record StoredDocument(long id, String jurisdictionCode, DocumentKind kind, String subject, int version,
                             DocumentFormat format, String title, String documentNumber, String unitCode,
                             String departmentCode, long size, String sha256, String templateSource,
                             String templateSha256, boolean issued, String createdBy, Instant createdAt,
                             String issuedBy, Instant issuedAt) {

    /** A download file name: title, version, extension. */
    public String fileName() {
        return title + "-v" + version + "." + format.extension();
    }
}
