package cn.supervision.api.audit;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * The platform's audit trail (等保 2.0): append-only and hash-chained. There is deliberately no way to change or
 * remove an entry. Adapters (REST, SOAP, shell) record every state-changing request and every login once its outcome
 * is known; offices read their own jurisdiction's entries and those below ({@code Operation.READ_AUDIT}).
 */
@ProviderType
public interface AuditLog {

    /** Most entries one export may hold; a larger selection is refused (narrow the period). */
    int MAX_EXPORT = 50_000;

    /**
     * Appends the event as the next entry of the chain and returns once it is committed: a request whose entry is
     * recorded this way is not answered before its entry is durable. Throws when the trail cannot be written.
     */
    void record(AuditEvent event);

    /** False while the trail cannot take entries (stopping, or its writer backed up): writes are then refused. */
    boolean accepting();

    /** Entries the caller may read, newest first, with the total; forbidden for callers without READ_AUDIT. */
    AuditPage list(Caller caller, AuditQuery query);

    /**
     * Every entry the caller may read matching the query (offset and limit ignored), newest first, at most {@link
     * #MAX_EXPORT}.
     */
    List<AuditEntry> export(Caller caller, AuditQuery query);

    /** Walks the whole chain (platform operators only: a system caller). */
    ChainVerification verify(Caller caller);
}
