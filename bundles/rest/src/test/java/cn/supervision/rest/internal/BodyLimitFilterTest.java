package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

import cn.supervision.rest.bounds.BodyTooLargeException;
import cn.supervision.rest.bounds.StreamedBody;

class BodyLimitFilterTest {
    static class Resource {
        public void create(Map<String, Object> body) {
        }

        @StreamedBody
        public void upload(InputStream body) {
        }
    }

    record Named(String name) { }

    /** An endless JSON array, produced on demand, counting what was taken from it. */
    static final class EndlessJson extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return served == 1 ? '[' : (served % 2 == 0 ? '1' : ',');
        }
    }

    private final BodyLimitFilter filter = new BodyLimitFilter(1024, 64, Requests.matched(Resource.class, "create"));

    /** A request whose body is {@code {}}, its length declared. */
    private static Requests.Request emptyJsonObject() {
        Requests.Request r = new Requests.Request();
        r.headers.put("Content-Type", "application/json");
        r.headers.put("Content-Length", "2");
        r.entity = new ByteArrayInputStream("{}".getBytes());
        return r;
    }

    @Test
    void aDeclaredLengthBeyondTheJsonCapIsRefusedWithoutReadingAByte() {
        Requests.Request r = new Requests.Request();
        r.headers.put("Content-Type", "application/json");
        r.headers.put("Content-Length", String.valueOf(100L * 1024 * 1024));
        r.entity = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        filter.filter(r.context());
        assertEquals(413, r.aborted.getStatus());
        assertEquals("application/problem+json;charset=UTF-8", r.aborted.getMediaType().toString());
        assertEquals("请求体超过 1 MB 上限", ((Map<?, ?>) r.aborted.getEntity()).get("detail"));
        assertEquals("close", r.aborted.getHeaderString("Connection"));
    }

    @Test
    void aChunkedJsonBodyStopsAtTheCapWhileTheParserReadsIt() {
        Requests.Request r = new Requests.Request();
        r.headers.put("Content-Type", "application/json");
        r.headers.put("Transfer-Encoding", "chunked");
        EndlessJson endless = new EndlessJson();
        r.entity = endless;
        filter.filter(r.context());
        assertNull(r.aborted);
        // between values the refusal leaves Jackson unchanged; inside one (a never-ending string) Jackson wraps it as
        // that field's error: either way the gateway answers 413, never a 400 about malformed JSON
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> JsonMapping.mapper().readValue(r.entity, List.class));
        assertEquals(413, e.getResponse().getStatus());
        assertTrue(endless.served <= 1024 * 1024 + 64 * 1024, "read " + endless.served + " bytes of an endless body");

        Requests.Request named = new Requests.Request();
        named.headers.put("Content-Type", "application/json");
        named.entity = new java.io.SequenceInputStream(new ByteArrayInputStream("{\"name\":\"".getBytes()), new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        });
        filter.filter(named.context());
        com.fasterxml.jackson.core.JsonProcessingException wrapped = assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> JsonMapping.mapper().readValue(named.entity, Named.class));
        javax.ws.rs.core.Response answer413 = new JsonExceptionMapper().toResponse(wrapped);
        assertEquals(413, answer413.getStatus());
        assertEquals("请求体超过 1 MB 上限", ((Map<?, ?>) answer413.getEntity()).get("detail"));
        Requests.Answer answer = new Requests.Answer();
        answer.status = 413;
        filter.filter(r.context(), answer.context());
        assertEquals("close", answer.headers.getFirst("Connection"));
    }

    @Test
    void uploadsAndOtherMediaTypesHaveTheUploadCeilingInstead() {
        BodyLimitFilter upload = new BodyLimitFilter(1024, 64, Requests.matched(Resource.class, "upload"));
        assertEquals(64L * 1024 * 1024, upload.limitFor(javax.ws.rs.core.MediaType.APPLICATION_JSON_TYPE));
        assertEquals(1024L * 1024, filter.limitFor(javax.ws.rs.core.MediaType.APPLICATION_JSON_TYPE));
        assertEquals(1024L * 1024, filter.limitFor(javax.ws.rs.core.MediaType.valueOf("application/merge-patch+json")));
        assertEquals(1024L * 1024, filter.limitFor(null));
        assertEquals(64L * 1024 * 1024, filter.limitFor(javax.ws.rs.core.MediaType.valueOf("text/csv")));

        Requests.Request r = new Requests.Request();
        r.headers.put("Content-Type", "application/json");
        r.headers.put("Content-Length", String.valueOf(5L * 1024 * 1024));
        upload.filter(r.context());
        assertNull(r.aborted, "a 5 MB batch is within the upload ceiling");
        r.headers.put("Content-Length", String.valueOf(65L * 1024 * 1024));
        upload.filter(r.context());
        assertEquals(413, r.aborted.getStatus());
    }

    @Test
    void aBodyReadToItsEndKeepsTheConnectionAndAnUnreadOneClosesIt() throws Exception {
        Requests.Request r = emptyJsonObject();
        filter.filter(r.context());
        Requests.Answer refused = new Requests.Answer();
        refused.status = 403;
        filter.filter(r.context(), refused.context());
        assertEquals("close", refused.headers.getFirst("Connection"), "refused before the body was read");

        r.entity.readAllBytes();
        Requests.Answer invalid = new Requests.Answer();
        invalid.status = 400;
        filter.filter(r.context(), invalid.context());
        assertNull(invalid.headers.getFirst("Connection"));
        Requests.Answer fine = new Requests.Answer();
        filter.filter(r.context(), fine.context());
        assertNull(fine.headers.getFirst("Connection"));
    }

    @Test
    void aSuccessfulAnswerReadsASmallUnreadBodyToItsEndAndClosesTheConnectionOnALargeOne() throws Exception {
        Requests.Request small = emptyJsonObject();
        filter.filter(small.context());
        Requests.Answer kept = new Requests.Answer();
        filter.filter(small.context(), kept.context());
        assertNull(kept.headers.getFirst("Connection"), "a {} sent to a method without a body keeps the connection");
        assertEquals(-1, small.entity.read(), "read to its end");

        Requests.Request large = new Requests.Request();
        large.headers.put("Content-Type", "application/octet-stream");
        large.headers.put("Transfer-Encoding", "chunked");
        EndlessJson endless = new EndlessJson();
        large.entity = endless;
        BodyLimitFilter uploads = new BodyLimitFilter(1024, 64, Requests.matched(Resource.class, "upload"));
        uploads.filter(large.context());
        Requests.Answer closed = new Requests.Answer();
        uploads.filter(large.context(), closed.context());
        assertEquals("close", closed.headers.getFirst("Connection"));
        assertTrue(endless.served <= BodyLimitFilter.LEFTOVER_BYTES + 1, "read " + endless.served + " bytes of it");
    }

    @Test
    void cxfIsToldNotToCopyWhatAMethodLeavesUnreadWhateverTheRequest() {
        Message message = new MessageImpl();
        Exchange exchange = new ExchangeImpl();
        message.setExchange(exchange);
        BodyLimitFilter withMessage = new BodyLimitFilter(1024, 64, Requests.matched(Resource.class, "create"), () -> message);

        withMessage.filter(new Requests.Request().context());

        assertEquals(Boolean.FALSE, exchange.get(BodyLimitFilter.CXF_CACHE_INPUT));
    }

    @Test
    void aMalformedContentLengthIsABadRequest() {
        Requests.Request r = new Requests.Request();
        r.headers.put("Content-Length", "-5");
        filter.filter(r.context());
        assertEquals(400, r.aborted.getStatus());
    }
}
