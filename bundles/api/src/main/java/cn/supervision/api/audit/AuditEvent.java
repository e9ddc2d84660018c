package cn.supervision.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing to record, as an adapter saw it once its outcome was known. Never carries a password, a token, a query
 * string or a body: {@code resource} is a path template ({@code /v1/units/{id}}) or an operation name, and
 * {@code recordIds} the identifiers the request named or created ({@code id=7; created=12}).
 *
 * @param at               when the request ended
 * @param username         who (the attempted name for a failed login; {@code null} for an anonymous request)
 * @param roles            the caller's roles, comma-separated ({@code null} when not authenticated)
 * @param jurisdictionCode the caller's jurisdiction; {@code null} when unknown (the audit log files it under the
 *                         platform's own jurisdiction)
 * @param source           the client's address, or {@code shell}
 * @param channel          REST, SOAP or SHELL
 * @param action           what kind of event
 * @param method           HTTP method, SOAP operation or shell command
 * @param resource         the resource path template or the command, secrets masked
 * @param recordIds        ids from the path and the created record's id, secrets masked ({@code null} if none)
 * @param status           the HTTP status (SOAP: 200 or the fault's status; shell: 200 or 500)
 */
public record AuditEvent(Instant at, String username, String roles, String jurisdictionCode, String source,
                         String channel, AuditAction action, String method, String resource, String recordIds, int status) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(action, "action");
    }

    public AuditOutcome outcome() {
        return AuditOutcome.of(status);
    }
}
