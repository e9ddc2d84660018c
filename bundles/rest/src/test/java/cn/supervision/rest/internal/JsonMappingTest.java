package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class JsonMappingTest {
    /** Counts the flushes the writer asks of the response stream. */
    static final class ResponseStream extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void answersAreWrittenWithoutFlushingTheResponseSoTheirLengthIsKnownWhenTheyAreSent() throws Exception {
        ResponseStream response = new ResponseStream();

        JsonMapping.provider().writeTo(Map.of("username", "city-admin", "jurisdictionName", "东营市"), Map.class,
                Map.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), response);

        assertEquals(0, response.flushes);
        assertEquals("{\"username\":\"city-admin\",\"jurisdictionName\":\"东营市\"}".length(),
                response.toString(StandardCharsets.UTF_8).length(), "the whole answer is written before the close");
    }
}
