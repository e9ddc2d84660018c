package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

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

    final SessionAuthenticationTest.Realm realm = new SessionAuthenticationTest.Realm();
    final SessionStore sessions = new SessionStore(new SessionStoreTest.Moving(), Duration.ofMinutes(30), Duration.ofHours(12), 10);

    private Requests.Request get(String path, ResourceInfo matched) {
        Requests.Request r = new Requests.Request();
        r.method = "GET";
        r.uri = URI.create("http://localhost/services/api/" + path);
        new BasicAuthenticationFilter(realm, sessions, matched).filter(r.context());
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
        new BasicAuthenticationFilter(realm, sessions, Requests.matched(AllOpen.class, "form")).filter(form.context());
        assertNull(form.security, "credentials on a public form are not read");
        assertTrue(realm.sources.isEmpty(), "nor checked: a wrong password there is no failed login");

        Requests.Request health = new Requests.Request();
        health.method = "GET";
        health.headers.put(HttpHeaders.AUTHORIZATION, basic);
        new BasicAuthenticationFilter(realm, sessions, Requests.matched(HealthResource.class, "health")).filter(health.context());
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
}
