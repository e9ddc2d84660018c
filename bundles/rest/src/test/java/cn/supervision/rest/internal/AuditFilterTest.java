package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.fakes.FakeAuditLog;
import cn.supervision.testing.fakes.FakeContainerRequestContext;
import cn.supervision.testing.fakes.FakeContainerResponseContext;
import cn.supervision.testing.fakes.FakeUriInfo;

/** What the REST audit filter records, and what it masks or leaves out. */
class AuditFilterTest {
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller CZJ = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    /** An audit log that keeps what it is given. */
    static final class Recorder extends FakeAuditLog {
        final List<AuditEvent> events = new ArrayList<>();
        boolean accepting = true;

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public boolean accepting() {
            return accepting;
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static final class Exchange {
        Response aborted;
    }

    static ContainerRequestContext request(String method, String path, Caller caller, String authorization, Exchange exchange) {
        UriInfo uri = new FakeUriInfo() {
            @Override
            public String getPath() {
                return path;
            }

            @Override
            public MultivaluedMap<String, String> getPathParameters() {
                return new MultivaluedHashMap<>();
            }
        };
        SecurityContext sc = caller == null ? null : new BasicAuthenticationFilter.CallerSecurityContext(caller, false);
        return new FakeContainerRequestContext() {
            @Override
            public String getMethod() {
                return method;
            }

            @Override
            public UriInfo getUriInfo() {
                return uri;
            }

            @Override
            public SecurityContext getSecurityContext() {
                return sc;
            }

            @Override
            public String getHeaderString(String name) {
                return HttpHeaders.AUTHORIZATION.equals(name) ? authorization : null;
            }

            @Override
            public void abortWith(Response response) {
                exchange.aborted = response;
            }
        };
    }

    static ContainerResponseContext response(int status, URI location) {
        return new FakeContainerResponseContext() {
            @Override
            public int getStatus() {
                return status;
            }

            @Override
            public URI getLocation() {
                return location;
            }
        };
    }

    @Test
    void aWriteIsRecordedWithWhoWhatAndOutcomeAndAReadOnlyAsTheLogin() {
        Recorder audit = new Recorder();
        AuditFilter filter = new AuditFilter(audit);
        Exchange x = new Exchange();
        filter.filter(request("POST", "v1/jurisdictions/370522/units", LIJIN, basic("lijin-admin", "pw-secret-1"), x),
                response(201, URI.create("http://h/services/api/v1/units/17")));
        filter.filter(request("GET", "v1/jurisdictions/370522/units", LIJIN, basic("lijin-admin", "pw-secret-1"), x), response(200, null));

        assertEquals(List.of(AuditAction.LOGIN_SUCCEEDED, AuditAction.WRITE, AuditAction.LOGIN_SUCCEEDED),
                audit.events.stream().map(AuditEvent::action).toList());
        AuditEvent write = audit.events.get(1);
        assertEquals("lijin-admin", write.username());
        assertEquals("COUNTY_ADMIN", write.roles());
        assertEquals("370522", write.jurisdictionCode());
        assertEquals("POST", write.method());
        assertEquals("/v1/jurisdictions/370522/units", write.resource(), "no template outside CXF: the path as it came");
        assertEquals("created=17", write.recordIds());
        assertEquals(201, write.status());
        assertEquals("REST", write.channel());
        audit.events.forEach(e -> assertFalse(e.toString().contains("pw-secret-1")));
    }

    @Test
    void aFailedLoginIsRecordedWithTheClaimedNameAndNeverThePassword() {
        Recorder audit = new Recorder();
        AuditFilter filter = new AuditFilter(audit);
        filter.filter(request("GET", "v1/jurisdictions", null, basic("city-admin", "wrong-password-42"), new Exchange()),
                response(401, null));
        filter.filter(request("PUT", "v1/units/3", null, basic("city-admin", "wrong-password-43"), new Exchange()),
                response(401, null));

        assertEquals(List.of(AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED, AuditAction.WRITE),
                audit.events.stream().map(AuditEvent::action).toList());
        assertEquals("city-admin", audit.events.get(0).username());
        assertNull(audit.events.get(0).jurisdictionCode());
        assertEquals(401, audit.events.get(0).status());
        assertNull(audit.events.get(2).username(), "a refused write is recorded as anonymous");
        assertEquals(401, audit.events.get(2).status());
        audit.events.forEach(e -> assertFalse(e.toString().contains("wrong-password"), e.toString()));
    }

    @Test
    void credentialsOnAPublicPathAreNotALoginAndTheOneTimeTokenIsMasked() {
        Recorder audit = new Recorder();
        AuditFilter filter = new AuditFilter(audit);
        String token = "Zx81KpQ2mN7vR4tY6uW0aB3cD5eF9gH1";
        filter.filter(request("POST", "v1/questionnaires/public/t/" + token, null, basic("someone", "pw"), new Exchange()),
                response(201, URI.create("http://h/services/api/v1/questionnaires/public/t/" + token)));

        assertEquals(1, audit.events.size());
        AuditEvent e = audit.events.get(0);
        assertEquals(AuditAction.WRITE, e.action());
        assertEquals("/v1/questionnaires/public/t/***", e.resource());
        assertFalse(e.toString().contains(token), e.toString());
        assertFalse(e.toString().contains(token.substring(0, 12)), e.toString());
    }

    @Test
    void writesAreRefusedBeforeTheyRunWhileTheTrailCannotTakeEntriesReadsAreNot() {
        Recorder audit = new Recorder();
        audit.accepting = false;
        AuditFilter filter = new AuditFilter(audit);
        Exchange write = new Exchange();
        filter.filter(request("DELETE", "v1/contributions/3", LIJIN, null, write));
        assertEquals(503, write.aborted.getStatus());
        Exchange read = new Exchange();
        filter.filter(request("GET", "v1/contributions", LIJIN, null, read));
        assertNull(read.aborted);
    }

    @Test
    void templatesNameTheRecordIdsAndMaskSecretParameters() {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.putSingle("id", "5");
        params.putSingle("inputId", "77");
        AuditEvent e = AuditRecords.write(NOW, CZJ, "10.1.2.3", "post", "/v1/campaigns//{id}/inputs/{inputId}/evidence", params,
                "v1/campaigns/5/inputs/77/evidence", null, 200);
        assertEquals("/v1/campaigns/{id}/inputs/{inputId}/evidence", e.resource());
        assertEquals("id=5; inputId=77", e.recordIds());
        assertEquals("UNIT_USER/CZJ", e.roles());
        assertEquals("POST", e.method());
        assertEquals("10.1.2.3", e.source());

        MultivaluedHashMap<String, String> token = new MultivaluedHashMap<>();
        token.putSingle("token", "abc123");
        AuditEvent t = AuditRecords.write(NOW, null, "10.1.2.3", "POST", "/v1/questionnaires/public/t/{token}", token,
                "v1/questionnaires/public/t/abc123", null, 201);
        assertEquals("token=***", t.recordIds());
        assertFalse(t.toString().contains("abc123"));
    }

    @Test
    void rawPathsLoseTheirQueryStringSharedLinkKeysAndLongSegments() {
        assertEquals("/v1/questionnaires/public/l/***", AuditRecords.maskedPath("v1/questionnaires/public/l/k3y?x=1"));
        assertEquals("/v1/units/12", AuditRecords.maskedPath("/v1/units/12?password=hunter2"));
        assertEquals("/v1/x/***", AuditRecords.maskedPath("v1/x/" + "a".repeat(41)));
        assertEquals("/v1/units/12", AuditRecords.maskedPath("v1//units/12/"));
    }

    @Test
    void onlyTheNameOfABasicHeaderIsRead() {
        assertEquals("李四", AuditRecords.attemptedUser(basic("李四", "p:w")));
        assertNull(AuditRecords.attemptedUser(basic("", "pw")));
        assertNull(AuditRecords.attemptedUser("Basic !!!notbase64"));
        assertNull(AuditRecords.attemptedUser("Bearer abc"));
        assertNull(AuditRecords.attemptedUser(
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))));
        assertTrue(AuditRecords.changesState("patch") && !AuditRecords.changesState("GET") && !AuditRecords.changesState("OPTIONS"));
    }
}
