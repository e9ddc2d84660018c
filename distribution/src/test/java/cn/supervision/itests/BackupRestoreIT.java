package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's restore, end to end on the distribution as shipped (embedded Derby): an operator takes an online backup
 * with {@code supervision:backup} over {@code bin/client}, the platform keeps writing, then {@code bin/stop}, the copy put
 * in place of {@code data/derby/supervision}, {@code bin/start}: the platform answers exactly what it answered when the
 * backup was taken, and nothing written after it. (PostgreSQL is restored with its own tools: README.)
 */
class BackupRestoreIT {
    static final String OPERATOR = "restore-operator";
    static final String PASSWORD = "Restore-IT-2026";
    static KarafInstance karaf;

    @BeforeAll
    static void unpack() throws Exception {
        assumeFalse(ItDatabase.postgresql(), "the embedded database's backup; PostgreSQL uses pg_dump (README)");
        karaf = new KarafInstance("restore", Integer.getInteger("it.restore.http.port", 8192), 10);
        // a Karaf shell operator (ssh), as an administrator adds one to etc/users.properties
        karaf.setProperty("etc/users.properties", OPERATOR, PASSWORD + ",_g_:admingroup");
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.stopIfRunning();
        }
    }

    @Test
    void aBackupPutInPlaceIsTheDatabaseAsItWasBackedUp() throws Exception {
        karaf.start();
        String units = karaf.api + "/v1/jurisdictions/370500/units";
        long kept = created(units, "RESTORE-KEPT", "备份前登记局");
        String listAtBackup = Http.get(units, "city-admin").body();
        String keptAtBackup = Http.get(karaf.api + "/v1/units/" + kept, "city-admin").body();

        String said = client("supervision:backup");
        Matcher where = Pattern.compile("备份完成：(\\S+)").matcher(said);
        assertTrue(where.find(), said);
        Path backup = Path.of(where.group(1)).resolve("supervision");
        assertTrue(Files.isRegularFile(backup.resolve("service.properties")), said);

        // the platform keeps writing after the backup: a new unit and a changed one
        long lost = created(units, "RESTORE-LOST", "备份后登记局");
        Http.Reply renamed = Http.json("PUT", karaf.api + "/v1/units/" + kept, "city-admin",
                "{\"code\":\"RESTORE-KEPT\",\"name\":\"备份后改名局\",\"kind\":\"OTHER\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertFalse(Http.get(units, "city-admin").body().equals(listAtBackup), "the writes after the backup show");

        karaf.stop();
        Path live = karaf.home.resolve("data/derby/supervision");
        Files.move(live, karaf.home.resolve("data/derby/supervision.broken"));
        copyTree(backup, live);
        karaf.start();

        Http.Reply list = Http.await(units, "city-admin", r -> r.status() == 200, 60_000);
        assertEquals(listAtBackup, list.body(), "the unit list is the backup's, to the byte");
        assertEquals(keptAtBackup, Http.get(karaf.api + "/v1/units/" + kept, "city-admin").body(), "the change after it is gone");
        assertEquals(404, Http.get(karaf.api + "/v1/units/" + lost, "city-admin").status(), "the unit created after it is gone");
        // the restored database is a working one: it takes writes again
        assertTrue(created(units, "RESTORE-AGAIN", "恢复后登记局") > 0);
    }

    private long created(String units, String code, String name) throws Exception {
        Http.Reply r = Http.json("POST", units, "city-admin", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"OTHER\"}");
        assertEquals(201, r.status(), r.body());
        return Json.parse(r.body()).path("id").asLong();
    }

    /** Runs one shell command through bin/client (ssh to this instance) and answers what it printed. */
    private String client(String command) throws Exception {
        Path out = karaf.home.resolve("data/log/client.out");
        ProcessBuilder pb = new ProcessBuilder(karaf.home.resolve("bin/client").toString(), "-a", String.valueOf(karaf.sshPort),
                "-u", OPERATOR, "-p", PASSWORD, "-r", "10", command)
                .directory(karaf.home.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        // the client keeps known hosts under user.home: one of its own, so that a key remembered from an earlier unpack
        // on the same port cannot refuse the connection, and this unpack's new key is accepted as an operator would ("y")
        pb.environment().put("KARAF_OPTS", "-Duser.home=" + karaf.home.resolve("data/client-home"));
        Process p = pb.start();
        try (var answer = p.getOutputStream()) {
            answer.write("y\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/client did not end");
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), printed);
        return printed;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
