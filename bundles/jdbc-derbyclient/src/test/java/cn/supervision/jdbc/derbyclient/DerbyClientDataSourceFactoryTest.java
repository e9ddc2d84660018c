package cn.supervision.jdbc.derbyclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.XAConnection;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyClientDataSourceFactoryTest {
    @TempDir
    Path home;

    @Test
    void connectsToARealNetworkServerThroughTheXaDataSource() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.setProperty("derby.system.home", home.toString());
        NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        server.start(new PrintWriter(System.out));
        try {
            for (int i = 0; ; i++) {
                try {
                    server.ping();
                    break;
                } catch (Exception notYet) {
                    if (i > 100) {
                        throw notYet;
                    }
                    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
                }
            }
            Properties p = new Properties();
            p.setProperty("url", "jdbc:derby://localhost:" + port + "/supervision;create=true");
            XAConnection xa = new DerbyClientDataSourceFactory().createXADataSource(p).getXAConnection();
            try (Connection c = xa.getConnection(); ResultSet rs = c.createStatement().executeQuery("values 42")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            } finally {
                xa.close();
            }
        } finally {
            server.shutdown();
        }
    }

    @Test
    void urlIsParsedAndBadOnesAreExplained() throws Exception {
        Properties p = new Properties();
        p.setProperty("url", "jdbc:derby://db.example:1600/supervision;create=true");
        p.setProperty("user", "sv");
        var ds = DerbyClientDataSourceFactory.configure(new org.apache.derby.jdbc.ClientDataSource(), p);
        assertEquals("db.example", ds.getServerName());
        assertEquals(1600, ds.getPortNumber());
        assertEquals("supervision", ds.getDatabaseName());
        assertEquals("create=true", ds.getConnectionAttributes());
        assertEquals("sv", ds.getUser());
        p.setProperty("url", "jdbc:derby:/embedded/path");
        SQLException e = assertThrows(SQLException.class,
                () -> DerbyClientDataSourceFactory.configure(new org.apache.derby.jdbc.ClientDataSource(), p));
        assertTrue(e.getMessage().contains("jdbc:derby://"));
    }
}
