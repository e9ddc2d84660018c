package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

/**
 * Two nodes' etc/ directories: the health answer to the root office fingerprints the files every node must hold alike,
 * so a diverged node shows; nobody else sees it, and nobody sees a file's content.
 */
class NodeConfigurationTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller COUNTY = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller UNIT = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");

    private static final HealthIndicator READY = new HealthIndicator() {
        @Override
        public String component() {
            return "registry";
        }

        @Override
        public String problem() {
            return null;
        }
    };

    @TempDir
    Path tmp;

    private Path node(String name, String backup, String datasourcePassword, String comment) throws IOException {
        Path etc = Files.createDirectories(tmp.resolve(name));
        Files.writeString(etc.resolve("cn.supervision.backup.cfg"), comment + "\nschedule = " + backup + "\nretain = 7\n");
        Files.writeString(etc.resolve("cn.supervision.scheduler.cfg"), "time = 01:30\nzone = Asia/Shanghai\n");
        Files.writeString(etc.resolve("org.ops4j.datasource-supervision.cfg"),
                "url = jdbc:postgresql://db01.internal:5432/supervision\nuser = supervision\npassword = " + datasourcePassword + "\n");
        Files.writeString(etc.resolve("supervision-users.properties"),
                "city-admin = pbkdf2-sha256$210000$c2FsdA$aGFzaA;roles=CITY_ADMIN;jurisdiction=370500\n");
        Files.writeString(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port.secure = " + (8443 + name.length()) + "\n");
        return etc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configuration(Path etc, Caller caller) {
        HealthResource health = new HealthResource(List.of(READY), List.of(HealthResourceTest.registry()), "registry",
                new NodeConfiguration(etc));
        Response r = health.health(caller == null ? null : new BasicAuthenticationFilter.CallerSecurityContext(caller, false));
        assertEquals(200, r.getStatus());
        return (Map<String, Object>) ((Map<String, Object>) r.getEntity()).get("configuration");
    }

    @Test
    void theRootOfficeSeesWhichFileDivergedOnWhichNode() throws IOException {
        Map<String, Object> one = configuration(node("node1", "daily", "secret-1", "# node 1"), CITY);
        Map<String, Object> two = configuration(node("node2", "daily", "secret-2", "# copied by hand"), CITY);
        assertEquals(one, two, "comments, ports of pax-web and the database password do not count");
        assertEquals(Set.of("cn.supervision.backup.cfg", "cn.supervision.scheduler.cfg", "org.ops4j.datasource-supervision.cfg",
                "supervision-users.properties"), ((Map<String, String>) one.get("files")).keySet());

        Map<String, Object> diverged = configuration(node("node3", "off", "secret-1", "# node 1"), CITY);
        assertNotEquals(one.get("sha256"), diverged.get("sha256"));
        Map<String, String> a = (Map<String, String>) one.get("files");
        Map<String, String> b = (Map<String, String>) diverged.get("files");
        assertNotEquals(a.get("cn.supervision.backup.cfg"), b.get("cn.supervision.backup.cfg"));
        assertEquals(a.get("cn.supervision.scheduler.cfg"), b.get("cn.supervision.scheduler.cfg"));

        Path etc4 = node("node4", "daily", "secret-1", "# node 1");
        Files.delete(etc4.resolve("cn.supervision.scheduler.cfg"));
        assertNotEquals(one.get("sha256"), configuration(etc4, CITY).get("sha256"), "a file missing on one node");
    }

    @Test
    void nobodyButTheRootOfficeSeesItAndNobodySeesContent() throws IOException {
        Path etc = node("node1", "daily", "secret-1", "# node 1");
        for (Caller c : new Caller[] {null, COUNTY, UNIT}) {
            assertEquals(null, configuration(etc, c), String.valueOf(c));
        }
        HealthResource health = new HealthResource(List.of(READY), List.of(HealthResourceTest.registry()), "registry",
                new NodeConfiguration(etc));
        String body = health.health(new BasicAuthenticationFilter.CallerSecurityContext(CITY, false)).getEntity().toString();
        assertTrue(body.contains("cn.supervision.backup.cfg"), body);
        for (String content : List.of("db01", "secret", "pbkdf2", "daily", "Asia/Shanghai")) {
            assertFalse(body.contains(content), content + " in " + body);
        }
    }
}
