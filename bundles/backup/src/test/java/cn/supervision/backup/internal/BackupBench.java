package cn.supervision.backup.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the time of an online backup of a database of about 1 GB (target/bench.txt). The database is built
 * once in target/bench-db (1 KB rows), then backed up twice; each copy is removed after it is measured.
 * {@code mvn -o -P bench -pl bundles/backup test}, or run {@link #main} with the test classpath.
 */
@Tag("bench")
class BackupBench {
    static final long TARGET_BYTES = Long.getLong("bench.bytes", 1L << 30);

    @Test
    void backupOfAGigabyte() throws Exception {
        main(new String[] {"target"});
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        Db db = new Db(work.resolve("bench-db").resolve("supervision"));
        if (!Files.isDirectory(db.path)) {
            build(db);
        }
        long size = BackupDirectory.sizeOf(db.path);
        List<String> lines = new ArrayList<>();
        DerbyCopier copier = new DerbyCopier(db.dataSource);
        BackupDirectory directory = new BackupDirectory(work.resolve("bench-backups"));
        for (int run = 1; run <= 2; run++) {
            Path dir = directory.create(java.time.Instant.now());
            long t0 = System.nanoTime();
            copier.copy(dir);
            double s = (System.nanoTime() - t0) / 1e9;
            long copied = BackupDirectory.sizeOf(dir);
            lines.add(String.format("run %d: database %.0f MB, backup %.0f MB in %.1f s = %.0f MB/s", run, size / 1048576.0,
                    copied / 1048576.0, s, copied / 1048576.0 / s));
            directory.discard(dir);
        }
        lines.forEach(System.out::println);
        Files.write(work.resolve("bench.txt"), lines);
        db.shutdown();
    }

    private static void build(Db db) throws Exception {
        db.execute("create table note (id bigint primary key, text varchar(1000))");
        String payload = "监督".repeat(160) + "x".repeat(600);
        try (Connection c = db.dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into note values (?, ?)")) {
            c.setAutoCommit(false);
            long id = 0;
            while (true) {
                for (int i = 0; i < 10_000; i++) {
                    insert.setLong(1, ++id);
                    insert.setString(2, payload + id);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                c.commit();
                if (BackupDirectory.sizeOf(db.path) >= TARGET_BYTES) {
                    break;
                }
            }
            System.out.println("built " + id + " rows");
        }
    }
}
