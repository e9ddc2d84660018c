package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Test;

import cn.supervision.rest.bounds.PublicEndpoint;

/** Whether a request needs credentials is decided by the resource method it was matched to, not by its path. */
class PublicEndpointTest {
    @Path("/v1/forms")
    public static class Forms {
        @GET
        @PublicEndpoint
        public void open() {
        }

        @GET
        public void closed() {
        }
    }

    @PublicEndpoint
    @Path("/v1/questionnaires/public")
    public static class AllOpen {
        @GET
        public void form() {
        }
    }

    final PublicEndpoints endpoints = Requests.trusting(Forms.class, AllOpen.class, HealthResource.class);
    final SessionAuthenticationTest.Realm realm = new SessionAuthenticationTest.Realm();
    final SessionStore sessions = new SessionStore(new SessionStoreTest.Moving(), Duration.ofMinutes(30), Duration.ofHours(12), 10);

    private Requests.Request get(String path, ResourceInfo matched) {
        Requests.Request r = new Requests.Request();
        r.method = "GET";
        r.uri = URI.create("http://localhost/services/api/" + path);
        new BasicAuthenticationFilter(realm, sessions, endpoints, matched).filter(r.context());
        return r;
    }

    @Test
    void aMarkedMethodIsOpenAndAnUnmarkedOneOfTheSameClassIsNot() {
        assertNull(get("v1/forms/anything", Requests.matched(Forms.class, "open")).aborted, "a path in no list, opened by its method");
        Requests.Request closed = get("v1/forms", Requests.matched(Forms.class, "closed"));
        assertEquals(401, closed.aborted.getStatus());
        assertNotNull(closed.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    void aMarkedClassOpensEveryMethod() {
        assertNull(get("v1/questionnaires/public/t/x", Requests.matched(AllOpen.class, "form")).aborted);
    }

    @Test
    void aPathThatLooksPublicIsJudgedByTheMethodItReaches() {
        assertEquals(401, get("v1/questionnaires/public/../units", Requests.matched(Forms.class, "closed")).aborted.getStatus());
        assertEquals(401, get("v1/questionnaires/public/x", Requests.matched(Forms.class, "closed")).aborted.getStatus(),
                "the old public prefix opens nothing by itself");
        assertEquals(401, get("v1/health", Requests.matched(Forms.class, "closed")).aborted.getStatus());
    }

    @Test
    void publicMethodsIgnoreCredentialsUnlessTheySayOtherwise() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("city-admin:city-admin-demo".getBytes(StandardCharsets.UTF_8));
        Requests.Request form = new Requests.Request();
        form.method = "GET";
        form.headers.put(HttpHeaders.AUTHORIZATION, basic);
        new BasicAuthenticationFilter(realm, sessions, endpoints, Requests.matched(AllOpen.class, "form")).filter(form.context());
        assertNull(form.security, "credentials on a public form are not read");
        assertTrue(realm.sources.isEmpty(), "nor checked: a wrong password there is no failed login");

        Requests.Request health = new Requests.Request();
        health.method = "GET";
        health.headers.put(HttpHeaders.AUTHORIZATION, basic);
        new BasicAuthenticationFilter(realm, sessions, endpoints, Requests.matched(HealthResource.class, "health")).filter(health.context());
        assertNull(health.aborted);
        assertEquals(SessionAuthenticationTest.CITY, health.security.getUserPrincipal(), "health identifies an admin for reasons");
    }

    @Test
    void nothingMatchedIsNotPublic() {
        ResourceInfo none = new ResourceInfo() {
            @Override
            public java.lang.reflect.Method getResourceMethod() {
                return null;
            }

            @Override
            public Class<?> getResourceClass() {
                return null;
            }
        };
        assertEquals(401, get("v1/health", none).aborted.getStatus());
    }

    @Test
    void aMarkCountsOnlyOnResourcesOfPlatformBundles() {
        PublicEndpoints onlyHealth = Requests.trusting(HealthResource.class);
        Requests.Request r = new Requests.Request();
        r.method = "GET";
        r.uri = URI.create("http://localhost/services/api/v1/questionnaires/public/t/x");
        new BasicAuthenticationFilter(realm, sessions, onlyHealth, Requests.matched(AllOpen.class, "form")).filter(r.context());
        assertEquals(401, r.aborted.getStatus(), "a contribution's class opens nothing by marking itself");

        assertTrue(PublicEndpoints.platform("cn.supervision.survey-rest", null));
        assertFalse(PublicEndpoints.platform("cn.supervision.county.rules", "330100"), "a contribution, whatever its name");
        assertFalse(PublicEndpoints.platform("org.example.rules", null));
        assertFalse(PublicEndpoints.platform(null, null));
    }

    private Requests.Request anonymousBeforeMatching(String method, String path) {
        Requests.Request r = new Requests.Request();
        r.method = method;
        r.uri = URI.create("http://localhost/services/api/" + path);
        new PreMatchingAuthentication(new BasicAuthenticationFilter(realm, sessions, endpoints, Requests.matched(Forms.class, "closed")))
                .filter(r.context());
        return r;
    }

    @Test
    void anAnonymousRequestThatCanReachNoPublicMethodIsRefusedBeforeMatching() {
        for (String path : List.of("v1/forms/anything", "v1/nowhere", "v1/units/7/../../nowhere", "v1/questionnaires/public/../units",
                "v1/health/more")) {
            Requests.Request r = anonymousBeforeMatching("GET", path);
            assertNotNull(r.aborted, path + ": refused whether or not a method answers it");
            assertEquals(401, r.aborted.getStatus(), path);
            assertNotNull(r.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE), path);
        }
        assertEquals(401, anonymousBeforeMatching("DELETE", "v1/forms/7").aborted.getStatus(), "no 405 either");
        for (String path : List.of("v1/health", "v1/questionnaires/public", "v1/forms", "/v1/forms/")) {
            Requests.Request r = anonymousBeforeMatching("GET", path);
            assertNull(r.aborted, path + " may reach a public method: the method decides after matching");
            assertNull(r.properties.get(BasicAuthenticationFilter.DECIDED), path);
        }
    }

    @Test
    void aCallerAuthenticatedBeforeMatchingIsNotAskedAgain() {
        Requests.Request r = new Requests.Request();
        r.method = "GET";
        r.uri = URI.create("http://localhost/services/api/v1/nowhere");
        r.headers.put(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString("city-admin:city-admin-demo".getBytes(StandardCharsets.UTF_8)));
        BasicAuthenticationFilter filter = new BasicAuthenticationFilter(realm, sessions, endpoints, Requests.matched(Forms.class, "closed"));
        new PreMatchingAuthentication(filter).filter(r.context());
        assertNull(r.aborted, "a caller may learn that a path does not exist (404 after matching)");
        assertEquals(SessionAuthenticationTest.CITY, r.security.getUserPrincipal());
        filter.filter(r.context());
        assertEquals(1, realm.sources.size(), "one check per request");

        r.headers.put(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("city-admin:wrong".getBytes(StandardCharsets.UTF_8)));
        r.properties.clear();
        r.security = null;
        new PreMatchingAuthentication(filter).filter(r.context());
        assertEquals(401, r.aborted.getStatus(), "wrong credentials do not open the 404 either");
    }
}
