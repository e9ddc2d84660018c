package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.supervision.rest.bounds.Paged;

class PagingFilterTest {
    static class Resource {
        @Paged
        public List<Integer> units() {
            return List.of();
        }

        public List<Integer> jurisdictions() {
            return List.of();
        }
    }

    private final PagingFilter filter = new PagingFilter(Requests.matched(Resource.class, "units"));
    private final List<Integer> all = IntStream.range(0, 250).boxed().toList();

    private Requests.Answer page(String query) {
        Requests.Request r = new Requests.Request();
        r.uri = URI.create("http://localhost/services/api/v1/jurisdictions/370500/units" + query);
        filter.filter(r.context());
        Requests.Answer a = new Requests.Answer();
        if (r.aborted != null) {
            a.status = r.aborted.getStatus();
            a.entity = r.aborted.getEntity();
            return a;
        }
        a.entity = all;
        filter.filter(r.context(), a.context());
        return a;
    }

    @Test
    void theFirstPageHasTheDefaultSizeTheTotalAndTheNextLink() {
        Requests.Answer a = page("?includeInactive=true");
        assertEquals(IntStream.range(0, 100).boxed().toList(), a.entity);
        assertEquals("250", a.headers.getFirst("X-Total-Count"));
        assertEquals("<http://localhost/services/api/v1/jurisdictions/370500/units?includeInactive=true&offset=100&limit=100>; rel=\"next\"",
                a.headers.getFirst("Link"));
    }

    @Test
    void theLastPageHasNoNextLinkAndAnOffsetBeyondTheEndIsEmpty() {
        Requests.Answer last = page("?offset=200&limit=100");
        assertEquals(IntStream.range(200, 250).boxed().toList(), last.entity);
        assertNull(last.headers.getFirst("Link"));
        Requests.Answer beyond = page("?offset=1000");
        assertEquals(List.of(), beyond.entity);
        assertEquals("250", beyond.headers.getFirst("X-Total-Count"));
        assertEquals(all, page("?limit=1000").entity);
    }

    @Test
    void aLimitBeyondTheMaximumOrAMalformedNumberIsRefused() {
        for (String q : List.of("?limit=1001", "?limit=0", "?offset=-1", "?limit=abc", "?offset=99999999999")) {
            Requests.Answer a = page(q);
            assertEquals(400, a.status, q);
        }
        assertEquals("每页条数应为 1–1000 的整数", ((Map<?, ?>) page("?limit=5000").entity).get("detail"));
    }

    @javax.ws.rs.Path("/v1/things")
    public static class Things {
        @javax.ws.rs.GET
        @javax.ws.rs.Path("{code}/units")
        @javax.ws.rs.Produces("application/json")
        @Paged
        public List<String> units(@javax.ws.rs.PathParam("code") String code) {
            return List.of();
        }

        @javax.ws.rs.GET
        @javax.ws.rs.Produces("application/json")
        public List<String> all() {
            return List.of();
        }
    }

    @Test
    void theApiDescriptionNamesThePagingParametersAndHeaders() throws Exception {
        Map<?, ?> doc = JsonMapping.mapper().readValue(new OpenApiResource(List.of(Things.class)).openApi(), Map.class);
        Map<?, ?> paths = (Map<?, ?>) doc.get("paths");
        Map<?, ?> paged = (Map<?, ?>) ((Map<?, ?>) paths.get("/v1/things/{code}/units")).get("get");
        assertEquals(List.of("code", "offset", "limit"),
                ((List<?>) paged.get("parameters")).stream().map(p -> ((Map<?, ?>) p).get("name")).toList());
        Map<?, ?> headers = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) paged.get("responses")).get("default")).get("headers");
        assertEquals(java.util.Set.of("X-Total-Count", "Link"), headers.keySet());
        assertNull(((Map<?, ?>) ((Map<?, ?>) paths.get("/v1/things")).get("get")).get("parameters"));
    }

    @Test
    void listingsThatAreNotPagedAreLeftAlone() {
        PagingFilter other = new PagingFilter(Requests.matched(Resource.class, "jurisdictions"));
        Requests.Request r = new Requests.Request();
        r.uri = URI.create("http://localhost/services/api/v1/jurisdictions?limit=5000");
        other.filter(r.context());
        assertNull(r.aborted);
        Requests.Answer a = new Requests.Answer();
        a.entity = all;
        other.filter(r.context(), a.context());
        assertSame(all, a.entity);
        assertNull(a.headers.getFirst("X-Total-Count"));
    }
}
