package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switching to a Derby network server is a change of etc/org.ops4j.datasource-supervision.cfg alone. */
class DerbyNetworkServerIT {
    static NetworkServerControl server;
    static int port;
    static KarafInstance karaf;

    @BeforeAll
    static void startServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // a fresh database every run
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "derby-network");
        System.setProperty("derby.system.home", home.toString());
        server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        server.start(new PrintWriter(System.out));
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                server.ping();
                break;
            } catch (Exception notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
                TimeUnit.MILLISECONDS.sleep(Http.POLL_INTERVAL_MILLIS);
            }
        }
        // the shipped datasource file, whatever database the suite runs on: the test's one edit switches it
        karaf = new KarafInstance("derby-network-karaf", Integer.getInteger("it.derbynet.http.port", 8184), 3, true, false);
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (karaf != null) {
            karaf.stopIfRunning();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void thePlatformRunsOnADerbyNetworkServerAfterEditingOneFile() throws Exception {
        String cfg = "etc/org.ops4j.datasource-supervision.cfg";
        karaf.setProperty(cfg, "osgi.jdbc.driver.name", "derbyclient");
        karaf.setProperty(cfg, "url", "jdbc:derby://localhost:" + port + "/supervision;create=true");
        karaf.start();

        Http.Reply created = Http.json("POST", karaf.api + "/v1/jurisdictions/370505/units", "city-admin",
                "{\"code\":\"KLNET\",\"name\":\"垦利区网络库验证局\",\"kind\":\"OTHER\"}");
        assertEquals(201, created.status(), created.body());

        try (Connection c = DriverManager.getConnection("jdbc:derby://localhost:" + port + "/supervision");
             ResultSet rs = c.createStatement().executeQuery("select NAME from SV_UNIT where CODE = 'KLNET'")) {
            assertTrue(rs.next(), "the unit is in the network server's database");
            assertEquals("垦利区网络库验证局", rs.getString(1));
        }
        assertTrue(Files.notExists(karaf.home.resolve("data/derby")), "no embedded database was created");
    }
}
