package cn.supervision.api.document;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Renders documents from templates (the jurisdiction's own, else the nearest superior's, else the built-in one) into
 * DOCX or PDF and keeps every generation as a numbered immutable version with its hash. Authority:
 * {@code GENERATE_DOCUMENTS} to generate and issue, {@code READ_DOCUMENTS} to list and download (the unit and the
 * department a document concerns read it once issued). Documents are never deleted.
 */
@ProviderType
public interface DocumentService {

    /**
     * Renders and stores the next version. A numbered kind gets the next number of its jurisdiction and year at its
     * first version and keeps it afterwards. The model is checked against the kind's required fields first (invalid).
     */
    StoredDocument generate(Caller caller, DocumentRequest request);

    /** Versions the caller may read, newest first; every filter may be null. */
    List<StoredDocument> list(Caller caller, String jurisdictionCode, DocumentKind kind, String subject, int offset, int limit);

    StoredDocument get(Caller caller, long id);

    /** The stored bytes, checked against the recorded hash (a mismatch is a server error, never served). */
    byte[] content(Caller caller, long id);

    /** Marks a version as sent to the unit or department it concerns, so that they can read it. */
    StoredDocument issue(Caller caller, long id);
}
