package cn.supervision.audit.internal;

import java.time.Instant;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.audit.internal.model.AuditEntryEntity;

/**
 * Events as stored: cut to the columns' lengths, control characters replaced, time at millisecond precision, so that
 * what is hashed is exactly what is stored and read back.
 */
final class Entries {
    private Entries() {
    }

    static AuditEvent normalise(AuditEvent e) {
        return new AuditEvent(Instant.ofEpochMilli(e.at().toEpochMilli()), clean(e.username(), 128), clean(e.roles(), 128),
                clean(e.jurisdictionCode(), 32), clean(e.source(), 64), clean(e.channel(), 8), e.action(), clean(e.method(), 64),
                clean(e.resource(), 255), clean(e.recordIds(), 255), e.status());
    }

    /** Log injection and oversized values (an attacker chooses the username of a failed login) end here. */
    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && b.length() < max; i++) {
            char c = value.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (b.length() < value.length() && b.length() > 0 && Character.isHighSurrogate(b.charAt(b.length() - 1))) {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    static AuditEntry toValue(AuditEntryEntity e) {
        return new AuditEntry(e.getSequence(), event(e), e.getJurisdiction(), e.getPreviousHash(), e.getHash());
    }

    static AuditEvent event(AuditEntryEntity e) {
        return new AuditEvent(Instant.ofEpochMilli(e.getRecordedAt()), e.getUsername(), e.getRoles(), e.getJurisdiction(),
                e.getSource(), e.getChannel(), AuditAction.valueOf(e.getAction()), e.getMethod(), e.getResource(),
                e.getRecordIds(), e.getStatus());
    }
}
