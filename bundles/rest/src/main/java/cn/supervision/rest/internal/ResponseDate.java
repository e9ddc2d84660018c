package cn.supervision.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.jaxrs.impl.MetadataMap;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Gives every answer its {@code Date} header from a text formatted once a second. Without it CXF builds a
 * {@code SimpleDateFormat} and a calendar per answer (~5 % of a small authenticated GET); with it CXF's own check
 * finds the header and skips its formatting. A {@code Date} the method put on its {@code Response} is left alone: CXF
 * would otherwise replace it with this one when it merges the headers.
 */
final class ResponseDate extends AbstractPhaseInterceptor<Message> {
    /** IMF-fixdate (RFC 9110 5.6.7): two-digit day, English names, GMT. */
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Formatted(long second, String text) {
    }

    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    ResponseDate(Clock clock) {
        super(Phase.PRE_LOGICAL);
        this.clock = clock;
    }

    ResponseDate() {
        this(Clock.systemUTC());
    }

    @Override
    public void handleMessage(Message message) {
        Map<String, List<Object>> headers = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
        if (headers == null) {
            headers = new MetadataMap<>(false, true);
            message.put(Message.PROTOCOL_HEADERS, headers);
        }
        if (!headers.containsKey(HttpHeaders.DATE) && !setByTheMethod(message)) {
            List<Object> date = new ArrayList<>(1);
            date.add(now());
            headers.put(HttpHeaders.DATE, date);
        }
    }

    /** The method's answer, when it is a {@code Response}, is the first content of the outgoing message. */
    private static boolean setByTheMethod(Message message) {
        List<?> contents = message.getContent(List.class);
        return contents != null && !contents.isEmpty() && contents.get(0) instanceof Response answer
                && answer.getHeaders().containsKey(HttpHeaders.DATE);
    }

    String now() {
        long millis = clock.millis();
        long second = Math.floorDiv(millis, 1000);
        Formatted formatted = last;
        if (formatted.second() != second) {
            formatted = new Formatted(second, IMF_FIXDATE.format(Instant.ofEpochMilli(millis)));
            last = formatted;
        }
        return formatted.text();
    }
}
