package cn.supervision.backup.internal;

import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.audit.ChainVerification;
import cn.supervision.api.security.Caller;

/** An audit trail that keeps what it was given. */
final class RecordingAudit implements AuditLog {
    final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public boolean accepting() {
        return true;
    }

    @Override
    public AuditPage list(Caller caller, AuditQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditEntry> export(Caller caller, AuditQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ChainVerification verify(Caller caller) {
        throw new UnsupportedOperationException();
    }
}
