package cn.supervision.audit.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.audit.ChainVerification;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

class AuditLogTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller GUANGRAO = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), "370523", null);
    static final Caller UNIT = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller PARTNER = new Caller("assessment-system", Set.of(Role.PARTNER_SYSTEM), "370500", null);
    static final Caller EVALUATOR = new Caller("evaluator", Set.of(Role.EVALUATOR), "370500", null);
    static final Caller OPERATOR = Caller.system("shell:karaf");

    private LocalJpaTemplate jpa;
    private JpaAuditLog audit;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("audit-test", "META-INF/audit-test-persistence.xml");
        audit = node(jpa);
    }

    /** A node's audit log: the writer's SQL inside its transactions, as under JTA. */
    private static JpaAuditLog node(LocalJpaTemplate template) {
        return new JpaAuditLog(template.jdbcInTransaction(), new FakeRegistry(FakeRegistry.DONGYING, List.of()), "370500", true);
    }

    @AfterEach
    void stop() {
        audit.close();
        jpa.close();
    }

    static AuditEvent write(String user, String jurisdiction, String method, String resource, String ids, int status) {
        return new AuditEvent(Instant.parse("2026-11-30T08:00:00.123456Z"), user, "COUNTY_ADMIN", jurisdiction, "10.0.0.7",
                "REST", AuditAction.WRITE, method, resource, ids, status);
    }

    private void sql(String statement) {
        jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class); Statement s = c.createStatement()) {
                s.executeUpdate(statement);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void appendedEntriesAreChainedReadNewestFirstAndVerify() {
        audit.record(write("lijin-admin", "370522", "POST", "/v1/jurisdictions/{code}/units", "code=370522; created=17", 201));
        audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=17", 200));
        audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=18", 403));

        AuditPage page = audit.list(CITY, AuditQuery.all());
        assertEquals(3, page.total());
        List<AuditEntry> entries = page.entries();
        assertEquals(List.of(3L, 2L, 1L), entries.stream().map(AuditEntry::sequence).toList());
        AuditEntry first = entries.get(2);
        assertEquals(AuditChain.GENESIS, first.previousHash());
        assertEquals(first.hash(), entries.get(1).previousHash());
        assertEquals(entries.get(1).hash(), entries.get(0).previousHash());
        assertEquals("created=17", first.event().recordIds().substring(first.event().recordIds().indexOf("created")));
        assertEquals(Instant.parse("2026-11-30T08:00:00.123Z"), first.event().at(), "stored at millisecond precision");
        assertEquals(403, entries.get(0).event().status());

        ChainVerification v = audit.verify(OPERATOR);
        assertTrue(v.intact(), v.reason());
        assertEquals(3, v.checked());
        assertEquals(3, v.lastSequence());
    }

    @Test
    void aRowAlteredWithPlainSqlIsNamedByVerify() {
        for (int i = 1; i <= 5; i++) {
            audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=" + i, 200));
        }
        sql("UPDATE SV_AUDIT_ENTRY SET USERNAME = 'someone-else' WHERE SEQ = 3");

        ChainVerification v = audit.verify(OPERATOR);
        assertFalse(v.intact());
        assertEquals(3L, v.brokenAt());
        assertEquals(2, v.checked());
        assertTrue(v.reason().contains("第 3 条") && v.reason().contains("被修改"), v.reason());
    }

    @Test
    void aRowWhoseHashWasRecomputedBreaksTheNextLink() {
        for (int i = 1; i <= 4; i++) {
            audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=" + i, 200));
        }
        AuditEntry second = audit.list(OPERATOR, AuditQuery.all()).entries().get(2);
        AuditEvent forged = write("someone-else", "370522", "PUT", "/v1/units/{id}", "id=2", 200);
        String forgedHash = AuditChain.hash(2, "370522", Entries.normalise(forged), second.previousHash());
        sql("UPDATE SV_AUDIT_ENTRY SET USERNAME = 'someone-else', HASH = '" + forgedHash + "' WHERE SEQ = 2");

        ChainVerification v = audit.verify(OPERATOR);
        assertEquals(3L, v.brokenAt());
        assertTrue(v.reason().contains("前序哈希"), v.reason());
    }

    @Test
    void aDeletedRowIsAGapNamedByItsSequence() {
        for (int i = 1; i <= 4; i++) {
            audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=" + i, 200));
        }
        sql("DELETE FROM SV_AUDIT_ENTRY WHERE SEQ = 2");

        ChainVerification v = audit.verify(OPERATOR);
        assertEquals(2L, v.brokenAt());
        assertTrue(v.reason().contains("缺少第 2 条"), v.reason());
    }

    @Test
    void concurrentAppendsMakeOneLinearChainWithoutGaps() throws Exception {
        int threads = 8;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = "user-" + t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    audit.record(write(user, "370522", "POST", "/v1/campaigns/{id}/inputs", "id=" + i, 201));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        ChainVerification v = audit.verify(OPERATOR);
        assertTrue(v.intact(), v.reason());
        assertEquals(threads * each, v.checked());
        assertEquals(threads * each, v.lastSequence());
        assertEquals(threads * each, audit.list(CITY, AuditQuery.all()).total());
        // every writer's entries are all there, each once
        for (int t = 0; t < threads; t++) {
            assertEquals(each, audit.list(CITY, new AuditQuery(null, "user-" + t, null, null, null, null, 0, 10)).total());
        }
    }

    /** Two nodes on one database, each its own writer: every entry of both is in the one chain, numbered in turn. */
    @Test
    void twoNodesAppendingInTurnWriteOneChain() {
        try (LocalJpaTemplate second = jpa.secondNode()) {
            JpaAuditLog other = node(second);
            try {
                for (int i = 1; i <= 3; i++) {
                    audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=a" + i, 200));
                    other.record(write("guangrao-admin", "370523", "PUT", "/v1/units/{id}", "id=b" + i, 200));
                }
            } finally {
                other.close();
            }
        }
        ChainVerification v = audit.verify(OPERATOR);
        assertTrue(v.intact(), v.reason());
        assertEquals(6, v.lastSequence());
        assertEquals(List.of("id=b3", "id=a3", "id=b2", "id=a2", "id=b1", "id=a1"),
                audit.list(CITY, AuditQuery.all()).entries().stream().map(e -> e.event().recordIds()).toList());
    }

    @Test
    void twoNodesAppendingAtOnceLoseNothing() throws Exception {
        int threads = 4;
        int each = 100;
        try (LocalJpaTemplate second = jpa.secondNode()) {
            JpaAuditLog other = node(second);
            ExecutorService pool = Executors.newFixedThreadPool(2 * threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 2 * threads; t++) {
                    JpaAuditLog on = t % 2 == 0 ? audit : other;
                    String user = "user-" + t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            on.record(write(user, "370522", "POST", "/v1/campaigns/{id}/inputs", "id=" + i, 201));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS); // every entry acknowledged: none refused for a sequence the other node took
                }
            } finally {
                pool.shutdown();
                other.close();
            }
        }
        ChainVerification v = audit.verify(OPERATOR);
        assertTrue(v.intact(), v.reason());
        assertEquals(2 * threads * each, v.lastSequence());
        for (int t = 0; t < 2 * threads; t++) {
            assertEquals(each, audit.list(CITY, new AuditQuery(null, "user-" + t, null, null, null, null, 0, 10)).total());
        }
    }

    /** A database of the release before (entries, no SV_AUDIT_TAIL): the tail is taken from its last entry. */
    @Test
    void anUpgradedDatabaseContinuesItsChain() throws Exception {
        for (int i = 1; i <= 3; i++) {
            audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=" + i, 200));
        }
        audit.close();
        try (Connection c = jpa.database().connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE SV_AUDIT_TAIL");
            s.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID = 'audit-2-SV_AUDIT_TAIL'");
        }
        try (LocalJpaTemplate upgraded = jpa.secondNode()) { // the next start applies audit-2
            audit = node(upgraded);
            audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=4", 200));
            ChainVerification v = audit.verify(OPERATOR);
            assertTrue(v.intact(), v.reason());
            assertEquals(4, v.lastSequence());
        }
    }

    @Test
    void aCountyReadsItsOwnEntriesOnlyTheCityReadsAllAndOthersAreRefused() {
        audit.record(write("city-admin", "370500", "PUT", "/v1/units/{id}", "id=1", 200));
        audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=2", 200));
        audit.record(write("guangrao-admin", "370523", "PUT", "/v1/units/{id}", "id=3", 200));
        // an anonymous request has no jurisdiction of its own: filed under the platform's (the city's)
        audit.record(new AuditEvent(Instant.now(), null, null, null, "10.0.0.9", "REST", AuditAction.WRITE, "POST",
                "/v1/questionnaires/public/t/{token}", "token=***", 201));

        assertEquals(4, audit.list(CITY, AuditQuery.all()).total());
        AuditPage lijin = audit.list(LIJIN, AuditQuery.all());
        assertEquals(1, lijin.total());
        assertEquals("lijin-admin", lijin.entries().get(0).event().username());
        assertEquals(1, audit.list(CITY, new AuditQuery("370523", null, null, null, null, null, 0, 50)).total());
        assertEquals(4, audit.list(CITY, new AuditQuery("370500", null, null, null, null, null, 0, 50)).total(),
                "370500 and below: all four");

        SupervisionException cityAsked = assertThrows(SupervisionException.class,
                () -> audit.list(LIJIN, new AuditQuery("370500", null, null, null, null, null, 0, 50)));
        assertEquals(ProblemKind.FORBIDDEN, cityAsked.kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class,
                () -> audit.list(LIJIN, new AuditQuery("370523", null, null, null, null, null, 0, 50))).kind());
        for (Caller c : List.of(UNIT, LEADER, PARTNER, EVALUATOR)) {
            assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> audit.list(c, AuditQuery.all())).kind(), c.toString());
            assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> audit.export(c, AuditQuery.all())).kind(), c.toString());
        }
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> audit.verify(CITY)).kind());
        assertEquals(1, audit.export(GUANGRAO, AuditQuery.all()).size());
    }

    @Test
    void filtersPagesAndOutcomes() {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 12; i++) {
            audit.record(new AuditEvent(t0.plusSeconds(3600L * i), i % 2 == 0 ? "lijin-admin" : "guangrao-admin", "COUNTY_ADMIN",
                    i % 2 == 0 ? "370522" : "370523", "10.0.0.1", "REST", AuditAction.WRITE, "PUT", "/v1/units/{id}", "id=" + i,
                    i % 3 == 0 ? 403 : 200));
        }
        audit.record(new AuditEvent(t0, "lijin-admin", null, null, "10.0.0.1", "REST", AuditAction.LOGIN_FAILED, null, null, null, 401));

        AuditPage page = audit.list(CITY, AuditQuery.all().page(5, 5));
        assertEquals(13, page.total());
        assertEquals(List.of(8L, 7L, 6L, 5L, 4L), page.entries().stream().map(AuditEntry::sequence).toList());
        assertEquals(6, audit.list(CITY, new AuditQuery(null, "lijin-admin", null, null, AuditAction.WRITE, null, 0, 50)).total());
        assertEquals(1, audit.list(CITY, new AuditQuery(null, null, null, null, AuditAction.LOGIN_FAILED, null, 0, 50)).total());
        assertEquals(4, audit.list(CITY, new AuditQuery(null, null, null, null, AuditAction.WRITE, "REFUSED", 0, 50)).total());
        assertEquals(4, audit.list(CITY, new AuditQuery(null, null, null, null, AuditAction.WRITE, "403", 0, 50)).total());
        assertEquals(8, audit.list(CITY, new AuditQuery(null, null, null, null, null, "SUCCEEDED", 0, 50)).total());
        assertEquals(3, audit.list(CITY, new AuditQuery(null, null, t0.plusSeconds(3600), t0.plusSeconds(3600 * 4), null, null, 0, 50))
                .total(), "from inclusive, to exclusive");
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class,
                () -> audit.list(CITY, new AuditQuery(null, null, null, null, null, "MAYBE", 0, 50))).kind());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> audit.list(CITY, AuditQuery.all().page(0, 501))).kind());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> audit.list(CITY, AuditQuery.all().page(-1, 5))).kind());
    }

    @Test
    void aSuccessfulLoginIsRecordedOncePerUserAndSourceWithinTheWindowFailedOnesAlways() {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");
        for (int i = 0; i < 3; i++) {
            audit.record(new AuditEvent(now.plusSeconds(i), "lijin-admin", "COUNTY_ADMIN", "370522", "10.0.0.1", "REST",
                    AuditAction.LOGIN_SUCCEEDED, null, null, null, 200));
            audit.record(new AuditEvent(now.plusSeconds(i), "lijin-admin", null, null, "10.6.6.6", "REST",
                    AuditAction.LOGIN_FAILED, null, null, null, 401));
        }
        audit.record(new AuditEvent(now.plusSeconds(5), "lijin-admin", "COUNTY_ADMIN", "370522", "10.0.0.2", "REST",
                AuditAction.LOGIN_SUCCEEDED, null, null, null, 200));
        audit.record(new AuditEvent(now.plus(java.time.Duration.ofMinutes(16)), "lijin-admin", "COUNTY_ADMIN", "370522", "10.0.0.1",
                "REST", AuditAction.LOGIN_SUCCEEDED, null, null, null, 200));

        assertEquals(3, audit.list(CITY, new AuditQuery(null, null, null, null, AuditAction.LOGIN_SUCCEEDED, null, 0, 50)).total());
        assertEquals(3, audit.list(CITY, new AuditQuery(null, null, null, null, AuditAction.LOGIN_FAILED, null, 0, 50)).total());
        // a failed login's claimed name proves nothing: filed under the platform's jurisdiction, not the county's
        assertEquals(0, audit.list(LIJIN, new AuditQuery(null, null, null, null, AuditAction.LOGIN_FAILED, null, 0, 50)).total());
    }

    @Test
    void controlCharactersAndOversizedValuesAreCutBeforeHashing() {
        String name = "evil\nuser\u0000" + "x".repeat(500);
        audit.record(new AuditEvent(Instant.now(), name, null, null, "10.0.0.1", "REST", AuditAction.LOGIN_FAILED, null, null, null, 401));
        AuditEntry e = audit.list(CITY, AuditQuery.all()).entries().get(0);
        assertEquals(128, e.event().username().length());
        assertTrue(e.event().username().startsWith("evil?user?x"));
        assertTrue(audit.verify(OPERATOR).intact());
    }

    @Test
    void theWriterContinuesTheChainOfEntriesWrittenBeforeARestart() {
        audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=1", 200));
        audit.close();
        audit = node(jpa);
        audit.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=2", 200));
        ChainVerification v = audit.verify(OPERATOR);
        assertTrue(v.intact(), v.reason());
        assertEquals(2, v.lastSequence());
    }

    @Test
    void withoutRecordingNothingIsWritten() {
        JpaAuditLog off = new JpaAuditLog(jpa, new FakeRegistry(FakeRegistry.DONGYING, List.of()), "370500", false);
        try {
            off.record(write("lijin-admin", "370522", "PUT", "/v1/units/{id}", "id=1", 200));
            assertEquals(0, off.list(CITY, AuditQuery.all()).total());
            assertNull(off.verify(OPERATOR).brokenAt());
        } finally {
            off.close();
        }
    }
}
