package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.backup.BackupService;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

/** supervision:backup in the running platform: an online copy of the live database appears, is listed and audited. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BackupIT {
    @Inject
    BackupService backups;
    @Inject
    SessionFactory shell;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Test
    public void theShellCommandBacksTheLiveDatabaseUp() throws Exception {
        Http.await(PlatformIT.API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Caller operator = Caller.system("backup-it");
        int before = backups.list(operator).size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = shell.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            session.execute("supervision:backup");
        } finally {
            session.close();
        }
        List<Backup> after = backups.list(operator);
        if (ItDatabase.postgresql()) {
            // PostgreSQL is backed up with its own tools (pg_dump): the command says so and records nothing
            String said = out.toString(StandardCharsets.UTF_8);
            assertTrue(said, said.contains("在线备份只适用于内嵌 Derby 数据库"));
            assertEquals(before, after.size());
            return;
        }
        assertEquals(before + 1, after.size());
        Backup b = after.get(0);
        Path copy = Path.of(b.path()).resolve(b.database());
        assertTrue(copy.toString(), Files.isDirectory(copy.resolve("seg0")) && Files.isRegularFile(copy.resolve("service.properties")));
        assertTrue(Files.isRegularFile(Path.of(b.path()).resolve("backup.properties")));
        assertEquals("supervision", b.database());
        assertTrue(b.bytes() > 1_000_000);

        Caller county = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
        try {
            backups.backup(county);
            throw new AssertionError("a county office took a backup");
        } catch (SupervisionException e) {
            assertEquals(ProblemKind.FORBIDDEN, e.kind());
        }
        String trail = Http.get(PlatformIT.API + "/v1/audit?action=WRITE&limit=200", "city-admin").body();
        JsonNode entry = AuditIT.entryWith(trail, e -> Json.has(e, "recordIds", "backup=" + Path.of(b.path()).getFileName()));
        assertTrue(entry.toString(), Json.has(entry, "recordIds", "backup=" + Path.of(b.path()).getFileName(),
                "resource", "supervision:backup", "channel", "SHELL", "status", 200));
    }
}
