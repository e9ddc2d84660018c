package cn.supervision.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import cn.supervision.api.audit.AuditEvent;

/**
 * The chain's arithmetic: an entry's hash is SHA-256 over its sequence, its jurisdiction, every field of its event and
 * the previous entry's hash, in a canonical form where each field is length-prefixed (so no choice of values can
 * make two different entries serialise alike). The first entry links to {@link #GENESIS}.
 */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);
    private static final String FORMAT = "sv-audit-1";

    private AuditChain() {
    }

    static String hash(long sequence, String jurisdiction, AuditEvent e, String previousHash) {
        StringBuilder b = new StringBuilder(256).append(FORMAT);
        field(b, Long.toString(sequence));
        field(b, Long.toString(e.at().toEpochMilli()));
        field(b, e.username());
        field(b, e.roles());
        field(b, jurisdiction);
        field(b, e.source());
        field(b, e.channel());
        field(b, e.action().name());
        field(b, e.method());
        field(b, e.resource());
        field(b, e.recordIds());
        field(b, Integer.toString(e.status()));
        field(b, previousHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", x);
        }
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("|-");
        } else {
            b.append('|').append(value.length()).append(':').append(value);
        }
    }
}
