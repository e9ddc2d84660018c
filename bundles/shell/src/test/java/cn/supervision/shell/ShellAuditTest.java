package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEvent;

class ShellAuditTest {
    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void platformWritesAreRecordedWithTheirIdentifyingArguments() {
        List<AuditEvent> publish = ShellAudit.events(NOW, "shell:karaf", "supervision:campaign-publish 12 \"市编委会 2026 第3次会议\"", 200);
        assertEquals(1, publish.size());
        AuditEvent e = publish.get(0);
        assertEquals(AuditAction.WRITE, e.action());
        assertEquals("SHELL", e.channel());
        assertEquals("shell:karaf", e.username());
        assertEquals("supervision:campaign-publish", e.resource());
        assertEquals("id=12", e.recordIds());
        assertEquals(200, e.status());

        AuditEvent ingest = ShellAudit.events(NOW, "shell:karaf", "platform-ingest 370500 hotline 2026-11 /tmp/a.csv", 500).get(0);
        assertEquals("supervision:platform-ingest", ingest.resource());
        assertEquals("jurisdiction=370500; source=hotline; clientBatchId=2026-11", ingest.recordIds());
        assertEquals(500, ingest.status());
    }

    @Test
    void readsAreNotRecordedAndAFeedRunOnlyWhenRunNow() {
        assertTrue(ShellAudit.events(NOW, "u", "supervision:campaign-list 370500", 200).isEmpty());
        assertTrue(ShellAudit.events(NOW, "u", "supervision:feed-runs hotline", 200).isEmpty());
        assertTrue(ShellAudit.events(NOW, "u", "supervision:password-hash s3cret", 200).isEmpty());
        assertEquals("feed=hotline", ShellAudit.events(NOW, "u", "supervision:feed-runs --now hotline", 200).get(0).recordIds());
    }

    @Test
    void karafAdministrationIsRecordedByNameOnlyNeverWithItsArguments() {
        List<AuditEvent> events = ShellAudit.events(NOW, "u", "jaas:user-add ops Pa55word; bundle:list | grep x; feature:install foo", 200);
        assertEquals(List.of("jaas:user-add", "feature:install"), events.stream().map(AuditEvent::resource).toList());
        events.forEach(e -> assertNull(e.recordIds()));
        assertTrue(events.stream().noneMatch(e -> e.toString().contains("Pa55word")));
    }
    /** A writing command that reported a refusal and ended quietly is recorded as refused, and the next line as done. */
    @Test
    void aQuietlyRefusedWriteIsRecordedWithTheRefusalsStatus() {
        List<AuditEvent> recorded = new java.util.ArrayList<>();
        cn.supervision.api.audit.AuditLog log = new cn.supervision.testing.fakes.FakeAuditLog() {
            @Override
            public void record(AuditEvent event) {
                recorded.add(event);
            }

            @Override
            public boolean accepting() {
                return true;
            }
        };
        GogoSession session = new GogoSession();
        java.util.Map<String, Object> variables = session.variables;
        ShellAudit audit = new ShellAudit(log);

        variables.put(ShellAudit.REFUSAL_STATUS, 404); // what SupervisionAction leaves after printing "未找到：…"
        audit.afterExecute(session, "supervision:campaign-publish 987654 理由", (Object) null);
        audit.afterExecute(session, "supervision:campaign-publish 12 理由", (Object) null);

        assertEquals(List.of(404, 200), recorded.stream().map(AuditEvent::status).toList());
        assertNull(variables.get(ShellAudit.REFUSAL_STATUS), "taken, so it counts once");
    }
}
