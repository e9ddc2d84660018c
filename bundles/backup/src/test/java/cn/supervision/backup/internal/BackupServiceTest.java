package cn.supervision.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationException;

import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.backup.Backup;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.MutableClock;

/** Who may back up, what the trail records, what retention removes and what it never touches. */
class BackupServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller UNIT = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");

    @TempDir
    Path tmp;
    Path backups;
    RecordingAudit audit = new RecordingAudit();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T18:30:00Z"));
    JdbcBackupService service;

    @BeforeEach
    void setUp() throws Exception {
        Db db = new Db(tmp.resolve("db"));
        db.execute("create table note (id bigint primary key, text varchar(100))", "insert into note values (1, 'a')");
        service = new JdbcBackupService(db.dataSource, new FakeRegistry(FakeRegistry.DONGYING, List.of()), audit, clock);
        backups = tmp.resolve("backups");
        configure("2", "daily");
    }

    private void configure(String retain, String schedule) throws ConfigurationException {
        Hashtable<String, Object> cfg = new Hashtable<>();
        cfg.put("directory", backups.toString());
        cfg.put("retain", retain);
        cfg.put("schedule", schedule);
        service.updated(cfg);
    }

    @Test
    void onlyTheRootOfficeAndOperatorsBackUp() {
        for (Caller c : List.of(LIJIN, LEADER, UNIT)) {
            SupervisionException e = assertThrows(SupervisionException.class, () -> service.backup(c), c.username());
            assertEquals(ProblemKind.FORBIDDEN, e.kind());
            assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.list(c)).kind());
        }
        assertFalse(Files.exists(backups), "a refused backup wrote nothing");
        assertEquals(List.of(403, 403, 403), audit.events.stream().map(AuditEvent::status).toList());

        Backup b = service.backup(CITY);
        assertEquals(backups.resolve("20261130T183000Z").toString(), b.path());
        clock.advance(Duration.ofMinutes(1));
        service.backup(Caller.system("shell:karaf"));
        assertEquals(2, service.list(CITY).size());
        AuditEvent byCity = audit.events.get(3);
        assertEquals(List.of("city-admin", "SERVICE", "supervision:backup", "backup=20261130T183000Z", "200"),
                List.of(byCity.username(), byCity.channel(), byCity.resource(), byCity.recordIds(), "" + byCity.status()));
        assertEquals("SHELL", audit.events.get(4).channel());
    }

    @Test
    void retentionKeepsTheNewestAndTouchesNothingElse() throws Exception {
        Files.createDirectories(backups);
        Path foreign = Files.createDirectory(backups.resolve("keep-me"));
        Files.writeString(backups.resolve("notes.txt"), "operator's file");
        Path unfinished = Files.createDirectory(backups.resolve("20200101T000000Z"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "x");
        Path link = Files.createSymbolicLink(backups.resolve("20200102T000000Z"), outside);
        Files.writeString(outside.resolve(BackupDirectory.MARKER), "started=2020-01-02T00:00:00Z");

        List<String> taken = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(service.backup(CITY).path());
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(List.of(taken.get(3), taken.get(2)), service.list(CITY).stream().map(Backup::path).toList());
        assertFalse(Files.exists(Path.of(taken.get(0))));
        assertFalse(Files.exists(Path.of(taken.get(1))));
        assertTrue(Files.isDirectory(foreign));
        assertTrue(Files.exists(backups.resolve("notes.txt")));
        assertTrue(Files.isDirectory(unfinished), "a directory without its marker is not a backup");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.exists(outside.resolve("precious")));
    }

    @Test
    void twoBackupsInOneSecondGetTheirOwnDirectories() {
        configure3();
        Backup a = service.backup(CITY);
        Backup b = service.backup(CITY);
        Backup c = service.backup(CITY);
        assertEquals(List.of(c.path(), b.path(), a.path()), service.list(CITY).stream().map(Backup::path).toList());
        assertTrue(c.path().endsWith("Z-3"), c.path());
    }

    private void configure3() {
        try {
            configure("3", "daily");
        } catch (ConfigurationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDailyPassBacksUpUnlessScheduleIsOff() throws Exception {
        BackupPass pass = new BackupPass(service);
        PassResult ran = pass.run(clock.instant());
        assertEquals(1, ran.changed());
        assertEquals("SCHEDULE", audit.events.get(0).channel());
        configure("2", "off");
        clock.advance(Duration.ofDays(1));
        assertEquals(0, pass.run(clock.instant()).changed());
        assertEquals(1, service.list(CITY).size());
    }

    @Test
    void badSettingsAreRefusedAndTheOldOnesKept() {
        Hashtable<String, Object> cfg = new Hashtable<>();
        cfg.put("directory", "relative/backups");
        cfg.put("retain", "0");
        cfg.put("schedule", "02:30");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> service.updated(cfg));
        assertTrue(e.getReason().contains("directory") && e.getReason().contains("retain") && e.getReason().contains("schedule"), e.getReason());
        assertEquals(backups.toString(), service.settings().directory().toString());
        assertEquals(2, service.settings().retain());
    }
}
