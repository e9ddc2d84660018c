package cn.supervision.rest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.security.Caller;

/**
 * What the audit trail keeps of a REST request, and what it never keeps. Kept: who, roles, jurisdiction, source
 * address, method, the resource's path template ({@code /v1/units/{id}}), the ids the path named and the id a 201
 * created, the status. Never kept: passwords (only the name part of a Basic header is read), bodies, query strings,
 * and secrets in the path: path parameters named like {@link #SECRET_PARAMETERS} (the public questionnaire's one-time
 * token and shared-link key) and, where no template matched, any segment after {@code public/t} or {@code public/l}
 * and any segment long enough to be a token.
 */
final class AuditRecords {
    static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    static final Set<String> SECRET_PARAMETERS = Set.of("token", "key", "password", "secret", "t", "l");
    static final String MASK = "***";
    /** Longer path segments are masked when no template says what they are: ids and codes are short, tokens are not. */
    static final int MAX_PLAIN_SEGMENT = 40;

    private AuditRecords() {
    }

    static boolean changesState(String method) {
        return method != null && WRITES.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * The entry of a state-changing request. {@code template} is the matched resource's path template, or null when
     * none matched (refused before matching: 401, 404, 413); {@code caller} is null for anonymous requests.
     */
    static AuditEvent write(Instant at, Caller caller, String source, String method, String template,
                            Map<String, List<String>> pathParameters, String rawPath, URI location, int status) {
        String resource = template != null ? slash(template) : maskedPath(rawPath);
        StringBuilder ids = new StringBuilder();
        if (template != null && pathParameters != null) {
            new TreeMap<>(pathParameters).forEach((name, values) -> {
                if (values == null || values.isEmpty()) {
                    return;
                }
                append(ids, name, secret(name) ? MASK : plain(values.get(0)));
            });
        }
        if (status == 201 && location != null && location.getPath() != null) {
            String path = maskedPath(location.getPath());
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (!last.isEmpty()) {
                append(ids, "created", plain(last));
            }
        }
        return new AuditEvent(at, caller == null ? null : caller.username(), roles(caller),
                caller == null ? null : caller.jurisdictionCode(), source, "REST", AuditAction.WRITE,
                method.toUpperCase(Locale.ROOT), resource, ids.length() == 0 ? null : ids.toString(), status);
    }

    /** A login as the authentication filter decided it: {@code caller} when it succeeded, the claimed name when not. */
    static AuditEvent login(Instant at, Caller caller, String attemptedUser, String source, int status) {
        if (caller != null) {
            return new AuditEvent(at, caller.username(), roles(caller), caller.jurisdictionCode(), source, "REST",
                    AuditAction.LOGIN_SUCCEEDED, null, null, null, status);
        }
        return new AuditEvent(at, attemptedUser, null, null, source, "REST", AuditAction.LOGIN_FAILED, null, null, null, status);
    }

    static String roles(Caller caller) {
        if (caller == null) {
            return null;
        }
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return caller.unitCode() == null ? roles : roles + "/" + caller.unitCode();
    }

    /**
     * The user name of an HTTP Basic header, or null. The password part is never turned into a String: only the bytes
     * before the first colon are decoded as text.
     */
    static String attemptedUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            for (int i = 0; i < decoded.length; i++) {
                if (decoded[i] == ':') {
                    return i == 0 ? null : new String(decoded, 0, i, StandardCharsets.UTF_8);
                }
            }
            return null;
        } finally {
            java.util.Arrays.fill(decoded, (byte) 0);
        }
    }

    /** A raw path (no template matched) with every segment that could be a secret masked; never the query string. */
    static String maskedPath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String path = rawPath;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String[] segments = path.split("/", -1);
        boolean publicQuestionnaire = path.contains("questionnaires/public/");
        for (int i = 0; i < segments.length; i++) {
            boolean afterSecretMarker = publicQuestionnaire && i > 0 && ("t".equals(segments[i - 1]) || "l".equals(segments[i - 1]));
            if (afterSecretMarker || segments[i].length() > MAX_PLAIN_SEGMENT) {
                segments[i] = MASK;
            }
        }
        return slash(String.join("/", segments));
    }

    private static boolean secret(String parameter) {
        return SECRET_PARAMETERS.contains(parameter.toLowerCase(Locale.ROOT));
    }

    private static String plain(String value) {
        return value == null || value.length() > MAX_PLAIN_SEGMENT ? MASK : value;
    }

    private static void append(StringBuilder ids, String name, String value) {
        if (ids.length() > 0) {
            ids.append("; ");
        }
        ids.append(name).append('=').append(value);
    }

    private static String slash(String path) {
        String p = path.replaceAll("/{2,}", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}
