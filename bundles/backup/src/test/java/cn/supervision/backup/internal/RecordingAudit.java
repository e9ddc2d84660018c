package cn.supervision.backup.internal;

import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.audit.AuditEvent;
import cn.supervision.testing.fakes.FakeAuditLog;

/** An audit trail that keeps what it was given. */
final class RecordingAudit extends FakeAuditLog {
    final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public boolean accepting() {
        return true;
    }
}
