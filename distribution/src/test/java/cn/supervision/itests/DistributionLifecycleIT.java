package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real path a person takes: unpack the tar.gz, {@code bin/start}, wait for health, use it,
 * {@code bin/stop}, start again: the data is still there; a third start shares the class data the second one archived.
 * Boot times are written to target/boot-times.txt.
 */
class DistributionLifecycleIT {
    static KarafInstance karaf;

    @BeforeAll
    static void unpack() throws Exception {
        karaf = new KarafInstance("lifecycle", Integer.getInteger("it.lifecycle.http.port", 8183), 2);
    }

    @AfterAll
    static void stop() throws Exception {
        karaf.stopIfRunning();
    }

    @Test
    void startsFromTheTarballAndKeepsDataAcrossARestart() throws Exception {
        long first = karaf.start();
        String code = "RESTART" + System.nanoTime() % 100000;
        Http.Reply created = Http.json("POST", karaf.api + "/v1/jurisdictions/370500/units", "city-admin",
                "{\"code\":\"" + code + "\",\"name\":\"重启验证局\",\"kind\":\"OTHER\"}");
        assertEquals(201, created.status(), created.body());
        long id = Json.id(created.body());
        int units = Json.count(Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin").body(), "jurisdictionCode");
        String contributions = Http.get(karaf.api + "/v1/contributions", "city-admin").body();
        String systems = Http.get(karaf.api + "/v1/indicator-systems", "city-admin").body();

        karaf.stop();
        assertTrue(karaf.classDataArchives().isEmpty(), "a first start writes no class-data archive");
        long second = karaf.start();

        // health answers as soon as the gateway runs; the resources are republished one by one while their bundles start
        // (issue 16: debounce the republication), so a read right after health may still meet CXF's "No service was found"
        Http.Reply read = Http.await(karaf.api + "/v1/units/" + id, "city-admin", r -> r.status() != 404, 60_000);
        assertEquals(200, read.status(), read.body());
        assertTrue(Json.anyText(read.body(), code) && Json.anyText(read.body(), "重启验证局"));
        int after = Json.count(Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin").body(), "jurisdictionCode");
        assertEquals(units, after, "a restart neither loses nor duplicates units (contributed units are not imported twice)");
        Http.Reply contributionsAfter = Http.await(karaf.api + "/v1/contributions", "city-admin", r -> r.status() == 200, 30_000);
        assertEquals(contributions, contributionsAfter.body(), "a restart keeps every contribution's state and creates no record");
        assertEquals(systems, Http.get(karaf.api + "/v1/indicator-systems", "city-admin").body(),
                "a restart neither duplicates nor re-versions indicator systems");

        // the restart's JVM wrote its classes at exit (bin/setenv); the next one maps them instead of parsing them again
        karaf.stop();
        if (!ItDatabase.postgresql()) {
            // the build's database holds the changelogs the installed bundles migrate, no fewer and no more
            Set<String> migrated = new TreeSet<>();
            Matcher m = Pattern.compile("数据库结构已按 (db/changelog/[^（]+)（").matcher(
                    Files.readString(karaf.home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8));
            while (m.find()) {
                migrated.add(m.group(1));
            }
            assertTrue(migrated.size() >= 20, migrated::toString);
            assertEquals(migrated, recordedDigests(karaf.home.resolve("data/derby/supervision")));
        }
        List<Path> archives = karaf.classDataArchives();
        assertEquals(1, archives.size(), "one class-data archive after a restart: " + archives);
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(archives.get(0))) {
            assertEquals(4, in.read(magic));
        }
        assertEquals(0xf00baba8, ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt(), "a complete dynamic archive");
        long third = karaf.start();
        assertTrue(karaf.mappedFiles().contains(archives.get(0).toString()),
                "the server JVM maps the class-data archive (none would be mapped if a patched module disabled CDS)");
        assertEquals(200, Http.await(karaf.api + "/v1/units/" + id, "city-admin", r -> r.status() != 404, 60_000).status());
        // SOAP through the launcher as shipped (the Pax Exam tests start their JVM themselves, with Karaf's patch modules)
        String soap = karaf.api.replace("/services/api", "/services/soap/RegistryService");
        Http.Reply wsdl = Http.get(soap + "?wsdl", null);
        assertEquals(200, wsdl.status());
        assertTrue(wsdl.body().contains("wsdl:definitions") && wsdl.body().contains("listUnits"));
        Http.Reply soapUnits = PlatformIT.soap(soap, "assessment-system", "assessment-system-demo", "370522");
        assertEquals(200, soapUnits.status(), soapUnits.body());
        assertTrue(soapUnits.body().contains("<name>利津县财政局</name>"), soapUnits.body());
        Http.Reply anonymous = PlatformIT.soap(soap, null, null, "370522");
        assertEquals(500, anonymous.status());
        assertTrue(anonymous.body().contains("FailedAuthentication"), anonymous.body());

        // a path no endpoint serves: a 404 and nothing in the log (anyone could fill it otherwise)
        for (int i = 0; i < 3; i++) {
            assertEquals(404, Http.get(karaf.api.replace("/services/api", "/services/no-such-endpoint-" + i), null).status());
        }

        // three starts and two stops of a healthy platform: nothing in the log an operator must read a stack trace for
        List<String> log = Files.readAllLines(karaf.home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        assertEquals(List.of(), log.stream().filter(l -> l.contains("Can't find the request for")).toList());
        // A new installation on the shipped embedded Derby starts from the build's database (lib/derby-template, copied
        // by the startup bundle): its first start applies no changelog, each found up to date by its digest. On
        // PostgreSQL (-P postgresql: a fresh schema) the first start applies every bundle's changelog in one Liquibase
        // update. The restarts apply none either way.
        List<String> template = log.stream().filter(l -> l.contains("新安装：嵌入式数据库")).toList();
        List<String> together = log.stream().filter(l -> l.contains("个变更日志一次就绪")).toList();
        if (ItDatabase.postgresql()) {
            assertEquals(List.of(), template, "no embedded database for a PostgreSQL installation");
            assertEquals(1, together.size(), "one update of all changelogs, at the first start: " + together);
            assertTrue(together.get(0).contains("（assessment、audit、") && together.get(0).contains("、registry、")
                    && together.get(0).contains("、warning）"), together.get(0));
        } else {
            assertEquals(1, template.size(), "the first start copies the template, the restarts keep the database: " + template);
            assertTrue(template.get(0).contains(karaf.home.resolve("data/derby/supervision").toString()), template.get(0));
            assertEquals(List.of(), together, "the template has every shipped changelog: nothing to apply at a first start");
            assertEquals(3, log.stream().filter(l -> l.contains("db/changelog/schema.xml（平台）就绪（无新变更）")).count(),
                    "the platform's own changelog is in the template too");
        }
        List<String> alone = log.stream().filter(l -> l.contains("数据库结构已按 db/changelog/") && l.contains("）就绪，用时")
                && !l.contains("（平台）")).toList();
        assertEquals(List.of(), alone, "no bundle's changelog applied on its own");
        // the transaction manager starts once per start, with its configuration (etc/custom.system.properties), so the
        // DataSource is never replaced under the bundles that are starting
        assertEquals(3, log.stream().filter(l -> l.contains("TransactionManager service detected")).count(), "three starts");
        List<String> traced = new ArrayList<>(); // the log line and the exception of each trace
        for (int i = 2; i < log.size(); i++) {
            if (log.get(i).startsWith("\tat ") && !log.get(i - 1).startsWith("\tat ")) {
                traced.add(log.get(i - 2) + " / " + log.get(i - 1));
            }
        }
        assertEquals(List.of(), traced, "stack traces in karaf.log");

        String times = "first boot of a fresh unpack to healthy: " + first + " ms\nsecond boot: " + second
                + " ms\nthird boot (class data shared): " + third + " ms\n";
        Files.writeString(Path.of("target", "boot-times.txt"), times, StandardCharsets.UTF_8);
        System.out.print(times);
    }

    /**
     * The changelogs SV_SCHEMA_DIGEST records in the embedded database at {@code database} (the platform stopped). Derby
     * is shut down as a whole afterwards, not only that database: its engine reads derby.system.home once per boot, and
     * a later test in this JVM (DerbyNetworkServerIT) sets it before starting a network server.
     */
    private static Set<String> recordedDigests(Path database) throws SQLException {
        Set<String> recorded = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT CHANGELOG FROM SV_SCHEMA_DIGEST")) {
            while (r.next()) {
                recorded.add(r.getString(1));
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
            } catch (SQLException closed) {
                // XJ015: the engine is down, the database closed for the next start
            }
        }
        return recorded;
    }
}
