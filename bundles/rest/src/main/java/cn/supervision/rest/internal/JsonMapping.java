package cn.supervision.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Strict JSON for every resource: unknown fields, trailing garbage and numbers for enums are errors. */
public final class JsonMapping {
    private JsonMapping() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * The answers' writer. Its generator does not flush the response stream when it closes: a flush commits the
     * response before its length is known, so every answer went out chunked, in two TLS records (headers and body,
     * then the last chunk). Unflushed, a small answer stays in the container's buffer until CXF closes the stream and
     * leaves in one write with a {@code Content-Length}; large ones still stream as the buffer fills.
     */
    public static JacksonJsonProvider provider() {
        ObjectMapper answers = mapper();
        answers.getFactory().disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        return new JacksonJsonProvider(answers);
    }
}
