package cn.supervision.api.audit;

import java.time.Instant;

/**
 * A filter over the audit trail; every part optional. {@code jurisdictionCode} narrows to that jurisdiction and those
 * below it; {@code outcome} is SUCCEEDED, REFUSED, FAILED or a status code such as {@code 403}.
 */
public record AuditQuery(String jurisdictionCode, String username, Instant from, Instant to, AuditAction action,
                         String outcome, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, 0, 50);
    }

    public AuditQuery page(int offset, int limit) {
        return new AuditQuery(jurisdictionCode, username, from, to, action, outcome, offset, limit);
    }
}
