package cn.supervision.api.audit;

/**
 * A stored audit entry: the event, its place in the chain and its hash. {@code hash} is SHA-256 over the entry's
 * canonical content and {@code previousHash}, so changing, removing or reordering any entry breaks the chain from
 * that entry on.
 *
 * @param sequence         1, 2, 3 … without gaps
 * @param jurisdictionCode the jurisdiction the entry is filed under (the caller's, or the platform's)
 */
public record AuditEntry(long sequence, AuditEvent event, String jurisdictionCode, String previousHash, String hash) {
}
