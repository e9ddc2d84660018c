package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.JurisdictionHierarchy;
import cn.supervision.api.security.Role;
import cn.supervision.testing.fakes.FakeRegistryService;

class HealthResourceTest {
    static final String SECRET = "java.sql.SQLException: Connection refused to db01.internal:1527 (user supervision)";

    private static final HealthIndicator BROKEN = new HealthIndicator() {
        @Override
        public String component() {
            return "registry";
        }

        @Override
        public String problem() {
            return SECRET;
        }
    };

    static RegistryService registry() {
        Access access = new Access(new JurisdictionHierarchy() {
            @Override
            public boolean exists(String code) {
                return true;
            }

            @Override
            public boolean within(String code, String ancestor) {
                return code.equals(ancestor) || ancestor.endsWith("00") && code.startsWith(ancestor.substring(0, 4));
            }
        });
        List<Jurisdiction> tree = List.of(new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false),
                new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false));
        return new FakeRegistryService() {
            @Override
            public Access access() {
                return access;
            }

            @Override
            public List<Jurisdiction> listJurisdictions(Caller caller) {
                return tree;
            }
        };
    }

    private static String body(HealthResource health, Caller caller) {
        Response r = health.health(caller == null ? null : new BasicAuthenticationFilter.CallerSecurityContext(caller, false));
        assertEquals(503, r.getStatus());
        return r.getEntity().toString();
    }

    @Test
    void onlyAnOfficeAdminSeesWhyAComponentIsDown() {
        HealthResource health = new HealthResource(List.of(BROKEN), List.of(registry()), "registry, soap");
        String anonymous = body(health, null);
        assertTrue(anonymous.contains("registry") && anonymous.contains("DOWN") && anonymous.contains("soap"), anonymous);
        assertFalse(anonymous.contains("SQLException") || anonymous.contains("not registered") || anonymous.contains("reason"), anonymous);
        assertEquals(Map.of("status", "DOWN"), ((Map<?, ?>) ((Map<?, ?>) health.health(null).getEntity()).get("components")).get("registry"));

        String unitUser = body(health, new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ"));
        assertFalse(unitUser.contains("SQLException"), "a unit user is not the office: " + unitUser);
        String partner = body(health, new Caller("hotline", Set.of(Role.PARTNER_SYSTEM), "370500", null));
        assertFalse(partner.contains("SQLException"), partner);

        String admin = body(health, new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null));
        assertTrue(admin.contains(SECRET) && admin.contains("not registered"), admin);
        String county = body(health, new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null));
        assertTrue(county.contains(SECRET), county);
    }

    @Test
    void aComponentThatSummarizesShowsItsFullReasonsToTheRootOfficeOnly() {
        HealthResource health = new HealthResource(List.of(BROKEN), List.of(registry()), "registry");
        health.summarize("registry", () -> "database unavailable (java.sql.SQLException)");
        String city = body(health, new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null));
        assertTrue(city.contains(SECRET), city);
        String county = body(health, new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null));
        assertTrue(county.contains("database unavailable (java.sql.SQLException)"), county);
        assertFalse(county.contains("db01.internal"), county);
        assertFalse(body(health, null).contains("SQLException"));
    }

    @Test
    void withoutTheRegistryNobodyGetsReasons() {
        HealthResource health = new HealthResource(List.of(BROKEN), List.of(), "registry");
        assertFalse(body(health, new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null)).contains("SQLException"));
    }
}
