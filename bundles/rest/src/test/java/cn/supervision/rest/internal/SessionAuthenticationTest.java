package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.LoginThrottledException;
import cn.supervision.api.security.Role;

/** The console's session login, and how the gateway's authentication filter treats its cookie and CSRF token. */
class SessionAuthenticationTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    /** city-admin / city-admin-demo; a third wrong password for the same user throttles, like the real realm. */
    static final class Realm implements Authenticator {
        final List<String> sources = new ArrayList<>();
        int failures;

        @Override
        public Optional<Caller> authenticate(String username, char[] password) {
            throw new AssertionError("adapters must pass the source address");
        }

        @Override
        public Optional<Caller> authenticate(String username, char[] password, String source) {
            sources.add(source);
            if (failures >= 2) {
                throw new LoginThrottledException(30);
            }
            if (username.equals("city-admin") && new String(password).equals("city-admin-demo")) {
                return Optional.of(CITY);
            }
            failures++;
            return Optional.empty();
        }
    }

    final SessionStoreTest.Moving clock = new SessionStoreTest.Moving();
    final SessionStore store = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 100);
    final Realm realm = new Realm();
    final AuditFilterTest.Recorder audit = new AuditFilterTest.Recorder();
    final SessionResource resource = new SessionResource(realm, store, audit, List.of());
    final BasicAuthenticationFilter filter = new BasicAuthenticationFilter(realm, store, Requests.trusting(SessionResource.class,
            HealthResource.class, OpenApiResource.class, Requests.Protected.class), new Requests.Routing());

    private Requests.Request request(String method, String path) {
        Requests.Request r = new Requests.Request();
        r.method = method;
        r.uri = URI.create("http://localhost/services/api/" + path);
        return r;
    }

    private String cookieOf(Response login) {
        String setCookie = login.getHeaderString(HttpHeaders.SET_COOKIE);
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Response r) {
        return (Map<String, Object>) r.getEntity();
    }

    @Test
    void loginOpensASessionInAnHttpOnlyStrictCookieAndAnswersWithTheCsrfToken() {
        Response login = resource.login(new SessionResource.Login("city-admin", "city-admin-demo"), null);
        assertEquals(200, login.getStatus());
        String setCookie = login.getHeaderString(HttpHeaders.SET_COOKIE);
        assertTrue(setCookie.startsWith("SUPERVISION_SESSION="), setCookie);
        assertTrue(setCookie.contains("; Path=/services/api;") && setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict"),
                setCookie);
        assertFalse(setCookie.contains("Max-Age"), "the server ends the session, not the browser");
        SessionStore.Session session = store.find(cookieOf(login)).orElseThrow();
        assertEquals(CITY, session.caller());
        assertEquals(session.csrfToken(), body(login).get("csrfToken"));
        assertEquals("city-admin", body(login).get("username"));
        assertEquals(List.of("CITY_ADMIN"), body(login).get("roles"));
        assertEquals("370500", body(login).get("jurisdictionCode"));
        assertFalse(body(login).toString().contains("city-admin-demo"), "the password is never echoed");
        assertEquals(AuditAction.LOGIN_SUCCEEDED, audit.events.get(0).action());
        assertEquals("; Secure", SessionResource.cookie("x", true, -1).substring(SessionResource.cookie("x", true, -1).length() - 8));
    }

    @Test
    void wrongPasswordIs401AndTheThrottleOfBasicAppliesToo() {
        Response wrong = resource.login(new SessionResource.Login("city-admin", "guess"), null);
        assertEquals(401, wrong.getStatus());
        assertNull(wrong.getHeaderString(HttpHeaders.SET_COOKIE));
        assertNull(wrong.getHeaderString(HttpHeaders.WWW_AUTHENTICATE), "no browser pop-up");
        assertEquals(401, resource.login(new SessionResource.Login("city-admin", "guess2"), null).getStatus());
        Response throttled = resource.login(new SessionResource.Login("city-admin", "city-admin-demo"), null);
        assertEquals(429, throttled.getStatus());
        assertEquals("30", throttled.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals(0, store.size());
        assertEquals(List.of(AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED),
                audit.events.stream().map(e -> e.action()).toList());
        assertEquals("city-admin", audit.events.get(0).username());
    }

    @Test
    void missingOrOversizedFieldsAre400NamingTheField() {
        Response empty = resource.login(new SessionResource.Login(" ", null), null);
        assertEquals(400, empty.getStatus());
        assertTrue(body(empty).get("errors").toString().contains("username") && body(empty).get("errors").toString().contains("password"));
        assertEquals(400, resource.login(null, null).getStatus());
        assertEquals(400, resource.login(new SessionResource.Login("city-admin", "x".repeat(201)), null).getStatus());
        assertTrue(realm.sources.isEmpty(), "nothing reaches the realm");
    }

    @Test
    void theCookieAuthenticatesReadsAndWritesNeedTheCsrfToken() {
        String id = cookieOf(resource.login(new SessionResource.Login("city-admin", "city-admin-demo"), null));
        String csrf = store.find(id).orElseThrow().csrfToken();

        Requests.Request read = request("GET", "v1/jurisdictions");
        read.headers.put("Cookie", "other=1; SUPERVISION_SESSION=" + id);
        filter.filter(read.context());
        assertNull(read.aborted);
        assertEquals(CITY, read.security.getUserPrincipal());
        assertEquals("SESSION", read.security.getAuthenticationScheme());

        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Requests.Request missing = request(method, "v1/units/1");
            missing.headers.put("Cookie", "SUPERVISION_SESSION=" + id);
            filter.filter(missing.context());
            assertEquals(403, missing.aborted.getStatus(), method);
            assertTrue(missing.aborted.getMediaType().toString().startsWith("application/problem+json"));
            assertNull(missing.security);

            Requests.Request forged = request(method, "v1/units/1");
            forged.headers.put("Cookie", "SUPERVISION_SESSION=" + id);
            forged.headers.put("X-CSRF-Token", csrf.substring(0, 42) + (csrf.endsWith("A") ? "B" : "A"));
            filter.filter(forged.context());
            assertEquals(403, forged.aborted.getStatus(), method);

            Requests.Request right = request(method, "v1/units/1");
            right.headers.put("Cookie", "SUPERVISION_SESSION=" + id);
            right.headers.put("X-CSRF-Token", csrf);
            filter.filter(right.context());
            assertNull(right.aborted, method);
            assertEquals(CITY, right.security.getUserPrincipal());
        }
    }

    @Test
    void anExpiredForgedOrClosedSessionIs401WithoutABasicChallenge() {
        String id = cookieOf(resource.login(new SessionResource.Login("city-admin", "city-admin-demo"), null));
        Requests.Request forged = request("GET", "v1/jurisdictions");
        forged.headers.put("Cookie", "SUPERVISION_SESSION=" + id.substring(1) + "x");
        filter.filter(forged.context());
        assertEquals(401, forged.aborted.getStatus());
        assertNull(forged.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));

        clock.now = clock.now.plus(Duration.ofMinutes(31));
        Requests.Request expired = request("GET", "v1/jurisdictions");
        expired.headers.put("Cookie", "SUPERVISION_SESSION=" + id);
        filter.filter(expired.context());
        assertEquals(401, expired.aborted.getStatus());
        assertTrue(body(expired.aborted).get("detail").toString().contains("会话已过期"));

        String second = cookieOf(resource.login(new SessionResource.Login("city-admin", "city-admin-demo"), null));
        Requests.Request logout = request("DELETE", "v1/session");
        logout.headers.put("Cookie", "SUPERVISION_SESSION=" + second);
        logout.headers.put("X-CSRF-Token", store.find(second).orElseThrow().csrfToken());
        filter.filter(logout.context());
        assertNull(logout.aborted);
        Response out = resource.logout(logout.security, second, null);
        assertEquals(204, out.getStatus());
        assertTrue(out.getHeaderString(HttpHeaders.SET_COOKIE).contains("Max-Age=0"));
        Requests.Request after = request("GET", "v1/jurisdictions");
        after.headers.put("Cookie", "SUPERVISION_SESSION=" + second);
        filter.filter(after.context());
        assertEquals(401, after.aborted.getStatus());
        Requests.Request whoAmI = request("GET", "v1/session");
        whoAmI.headers.put("Cookie", "SUPERVISION_SESSION=" + second);
        filter.filter(whoAmI.context());
        assertNull(whoAmI.aborted, "who am I answers, anonymous");
        assertNull(whoAmI.security);
        assertEquals(Map.of("authenticated", false), body(resource.whoAmI(anonymous(), second)));
    }

    @Test
    void basicAuthKeepsWorkingAndTheLoginItselfIsPublic() {
        Requests.Request basic = request("POST", "v1/units/1");
        basic.headers.put(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString("city-admin:city-admin-demo".getBytes(StandardCharsets.UTF_8)));
        filter.filter(basic.context());
        assertNull(basic.aborted, "Basic needs no CSRF token: no browser sends it on its own");
        assertEquals("BASIC", basic.security.getAuthenticationScheme());

        Requests.Request anonymous = request("GET", "v1/jurisdictions");
        filter.filter(anonymous.context());
        assertEquals(401, anonymous.aborted.getStatus());
        assertNotNull(anonymous.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));

        Requests.Request script = request("GET", "v1/jurisdictions");
        script.headers.put("X-Requested-With", "XMLHttpRequest");
        filter.filter(script.context());
        assertEquals(401, script.aborted.getStatus());
        assertNull(script.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE), "the console gets no pop-up");

        Requests.Request login = request("POST", "v1/session");
        filter.filter(login.context());
        assertNull(login.aborted);
        Requests.Request whoAmI = request("GET", "v1/session");
        filter.filter(whoAmI.context());
        assertNull(whoAmI.aborted, "who am I answers anyone: the console's first page makes no failing request");
        assertNull(whoAmI.security);
        Requests.Request logout = request("DELETE", "v1/session");
        filter.filter(logout.context());
        assertEquals(401, logout.aborted.getStatus(), "the logout is not public");

        String id = cookieOf(resource.login(new SessionResource.Login("city-admin", "city-admin-demo"), null));
        Requests.Request mine = request("GET", "v1/session");
        mine.headers.put("Cookie", "SUPERVISION_SESSION=" + id);
        filter.filter(mine.context());
        Map<String, Object> me = body(resource.whoAmI(mine.security, id));
        assertEquals(true, me.get("authenticated"));
        assertEquals("city-admin", me.get("username"));
        assertEquals(store.find(id).orElseThrow().csrfToken(), me.get("csrfToken"), "a reloaded console gets its token back");
        Requests.Request basicWithCookie = request("GET", "v1/session");
        basicWithCookie.headers.put(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString("city-admin:city-admin-demo".getBytes(StandardCharsets.UTF_8)));
        basicWithCookie.headers.put("Cookie", "SUPERVISION_SESSION=" + id);
        filter.filter(basicWithCookie.context());
        assertFalse(body(resource.whoAmI(basicWithCookie.security, id)).containsKey("csrfToken"), "Basic callers get no session token");
    }

    private static javax.ws.rs.core.SecurityContext anonymous() {
        return new javax.ws.rs.core.SecurityContext() {
            @Override
            public java.security.Principal getUserPrincipal() {
                return null;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };
    }
}
