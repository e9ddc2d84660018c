package cn.supervision.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.derby.drda.NetworkServerControl;
import org.apache.derby.jdbc.ClientDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.TestDatabase;

/**
 * On a database the platform does not back up itself (PostgreSQL, the two-node setup; on a Derby test run a Derby
 * network server stands in): the daily run skips without failing and says what to use, {@code supervision:backup} is
 * still refused as unavailable.
 */
class OtherDatabaseTest {
    @TempDir
    Path tmp;
    Path backups;
    final RecordingAudit audit = new RecordingAudit();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T17:30:00Z"));
    JdbcBackupService service;
    TestDatabase postgresql;
    NetworkServerControl derbyServer;

    @BeforeEach
    void setUp() throws Exception {
        service = new JdbcBackupService(otherDatabase(), new FakeRegistry(FakeRegistry.DONGYING, List.of()), audit, clock);
        backups = tmp.resolve("backups");
        Hashtable<String, Object> cfg = new Hashtable<>();
        cfg.put("directory", backups.toString());
        cfg.put("schedule", "daily");
        service.updated(cfg);
        service.start();
    }

    private DataSource otherDatabase() throws Exception {
        if (TestDatabase.postgresql()) {
            postgresql = TestDatabase.fresh();
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(postgresql.url());
            pg.setUser(System.getProperty(TestDatabase.USER, "supervision_test"));
            pg.setPassword(System.getProperty(TestDatabase.PASSWORD, pg.getUser()));
            return pg;
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        derbyServer = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        derbyServer.start(null);
        awaitListening(derbyServer);
        ClientDataSource derby = new ClientDataSource();
        derby.setServerName("localhost");
        derby.setPortNumber(port);
        derby.setDatabaseName("memory:backup" + UUID.randomUUID().toString().replace("-", ""));
        derby.setCreateDatabase("create");
        return derby;
    }

    /**
     * start() returns at once and the server opens its port on a thread of its own; ping() answers once it listens.
     * Polled until a deadline rather than a number of tries, so that a slow start on a loaded machine is waited for.
     */
    private static void awaitListening(NetworkServerControl server) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                server.ping();
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > end) {
                    throw notYet;
                }
                Thread.sleep(20);
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (postgresql != null) {
            postgresql.close();
        }
        if (derbyServer != null) {
            derbyServer.shutdown();
        }
    }

    private String expectedAdvice() {
        return postgresql != null ? "pg_dump" : "自己的工具";
    }

    @Test
    void theDailyRunSkipsWithoutFailingAndSaysWhatToUse() {
        PassResult run = new BackupPass(service).run(clock.instant());
        assertNull(run.failure());
        assertEquals(0, run.changed());
        String note = String.join(" ", run.notes());
        assertTrue(note.startsWith("跳过") && note.contains(postgresql != null ? "PostgreSQL" : "Derby")
                && note.contains(expectedAdvice()) && note.contains("README"), note);
        assertFalse(Files.exists(backups), "nothing written");
        assertTrue(audit.events.isEmpty(), "a skipped run is no backup asked for");
    }

    @Test
    void aBackupAskedForIsStillRefusedAsUnavailable() throws Exception {
        SupervisionException e = assertThrows(SupervisionException.class, () -> service.backup(BackupServiceTest.CITY));
        assertEquals(ProblemKind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains(expectedAdvice()) && !e.getMessage().contains("password"), e.getMessage());
        assertEquals(List.of(503), audit.events.stream().map(a -> a.status()).toList());
        try (var left = Files.exists(backups) ? Files.list(backups) : java.util.stream.Stream.<Path>empty()) {
            assertFalse(left.findAny().isPresent(), "the attempt left nothing behind");
        }
    }
}
