package cn.supervision.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;

/**
 * Backup, more writes, restore: the restored database holds the backup's state exactly, by both ways the README
 * gives (restoreFrom on the JDBC URL; copying the backup's database directory in place).
 */
class BackupRestoreTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    @TempDir
    Path tmp;
    Db db;
    JdbcBackupService service;

    @BeforeEach
    void setUp() throws Exception {
        db = new Db(tmp.resolve("derby").resolve("supervision"));
        db.execute("create table note (id bigint primary key, text varchar(100))");
        service = new JdbcBackupService(db.dataSource, new FakeRegistry(FakeRegistry.DONGYING, List.of()), new RecordingAudit());
        Hashtable<String, Object> cfg = new Hashtable<>();
        cfg.put("directory", tmp.resolve("backups").toString());
        service.updated(cfg);
    }

    private List<String> backupThenWriteMore() throws Exception {
        for (int i = 1; i <= 100; i++) {
            db.execute("insert into note values (" + i + ", 'before " + i + "')");
        }
        List<String> atBackup = db.rows();
        Backup b = service.backup(CITY);
        db.execute("insert into note values (101, 'after')", "update note set text = 'changed' where id = 5",
                "delete from note where id = 7");
        assertEquals(100, db.rows().size(), "later writes changed the live database");
        assertTrue(Files.isDirectory(Path.of(b.path()).resolve(b.database()).resolve("seg0")), "Derby copy in " + b.path());
        assertEquals("supervision", b.database());
        assertTrue(b.bytes() > 0);
        db.shutdown();
        return atBackup;
    }

    @Test
    void restoreFromOnTheUrlGivesTheBackupsStateNotTheLaterWrites() throws Exception {
        List<String> atBackup = backupThenWriteMore();
        Backup b = service.list(CITY).get(0);
        Path from = Path.of(b.path()).resolve(b.database());
        List<String> restored = Db.rows(DriverManager.getConnection("jdbc:derby:" + db.path + ";restoreFrom=" + from));
        assertEquals(atBackup, restored);
        Db.shutdown(db.path);
        // opened again with the ordinary URL (restoreFrom removed), it is still the backup's state
        assertEquals(atBackup, db.rows());
    }

    @Test
    void copyingTheBackupInPlaceGivesTheBackupsState() throws Exception {
        List<String> atBackup = backupThenWriteMore();
        Backup b = service.list(CITY).get(0);
        Files.move(db.path, tmp.resolve("derby").resolve("supervision.broken"));
        copy(Path.of(b.path()).resolve(b.database()), db.path);
        assertEquals(atBackup, db.rows());
    }

    /** Derby's backup is online: a writer keeps committing through it, and the copy is one consistent moment. */
    @Test
    void writesContinueDuringTheBackupAndTheCopyIsConsistent() throws Exception {
        for (int i = 1; i <= 2_000; i++) {
            db.execute("insert into note values (" + i + ", '" + "x".repeat(90) + "')");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger(2_001);
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                try {
                    db.execute("insert into note values (" + next.get() + ", 'during')");
                    next.incrementAndGet();
                } catch (Exception e) {
                    failed.set(e);
                    return;
                }
            }
        });
        writer.start();
        int before = next.get();
        Backup b = service.backup(CITY);
        int during = next.get() - before;
        stop.set(true);
        writer.join();
        assertEquals(null, failed.get());
        int written = next.get() - 1;
        db.shutdown();

        Path copy = tmp.resolve("restored");
        List<String> restored = Db.rows(DriverManager.getConnection("jdbc:derby:" + copy + ";createFrom="
                + Path.of(b.path()).resolve(b.database())));
        // a prefix of the rows the writer committed, without gaps: one moment of the database
        for (int i = 0; i < restored.size(); i++) {
            assertTrue(restored.get(i).startsWith((i + 1) + ":"), restored.get(i));
        }
        assertTrue(restored.size() >= 2_000 && restored.size() <= written, restored.size() + " of " + written);
        assertTrue(during >= 0);
        Db.shutdown(copy);
    }

    private static void copy(Path from, Path to) throws Exception {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = new ArrayList<>(s.toList());
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
        assertFalse(all.isEmpty());
    }
}
