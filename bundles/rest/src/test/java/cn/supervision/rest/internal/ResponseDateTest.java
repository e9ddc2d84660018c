package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.jaxrs.impl.MetadataMap;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

import cn.supervision.testing.MutableClock;

class ResponseDateTest {
    private static List<Object> dateOf(Message answer) {
        Map<String, List<Object>> headers = CastUtils.cast((Map<?, ?>) answer.get(Message.PROTOCOL_HEADERS));
        return headers == null ? null : headers.get("Date");
    }

    @Test
    void anAnswerGetsTheHttpDateWithATwoDigitDayInGmt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T19:37:40.250Z"));
        Message answer = new MessageImpl();

        new ResponseDate(clock).handleMessage(answer);

        assertEquals(List.of("Tue, 01 Dec 2026 19:37:40 GMT"), dateOf(answer));
    }

    @Test
    void theTextIsFormattedOnceASecond() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-31T23:59:59.001Z"));
        ResponseDate date = new ResponseDate(clock);
        String first = date.now();
        clock.set(Instant.parse("2026-12-31T23:59:59.999Z"));
        assertSame(first, date.now());

        clock.set(Instant.parse("2027-01-01T00:00:00.000Z"));
        String next = date.now();

        assertNotSame(first, next);
        assertEquals("Fri, 01 Jan 2027 00:00:00 GMT", next);
    }

    @Test
    void aDateTheMethodPutOnItsResponseIsLeftForCxfToKeep() {
        Message answer = new MessageImpl();
        answer.setContent(List.class, new MessageContentsList(
                Response.ok("x").header("Date", "Mon, 30 Nov 2026 08:00:00 GMT").build()));

        new ResponseDate(new MutableClock(Instant.parse("2026-12-01T19:37:40Z"))).handleMessage(answer);

        assertNull(dateOf(answer), "nothing of ours for CXF to put over the method's Date");
        Message plain = new MessageImpl();
        plain.setContent(List.class, new MessageContentsList(Response.ok("x").build()));
        new ResponseDate(new MutableClock(Instant.parse("2026-12-01T19:37:40Z"))).handleMessage(plain);
        assertEquals(List.of("Tue, 01 Dec 2026 19:37:40 GMT"), dateOf(plain));
    }

    @Test
    void aDateAlreadySetIsKeptAndOtherHeadersAreLeftAlone() {
        Message answer = new MessageImpl();
        Map<String, List<Object>> headers = new MetadataMap<>(false, true);
        headers.put("date", new ArrayList<>(List.of("Mon, 30 Nov 2026 08:00:00 GMT")));
        headers.put("Cache-Control", new ArrayList<>(List.of("no-store")));
        answer.put(Message.PROTOCOL_HEADERS, headers);

        new ResponseDate(new MutableClock(Instant.parse("2026-12-01T19:37:40Z"))).handleMessage(answer);

        assertEquals(List.of("Mon, 30 Nov 2026 08:00:00 GMT"), dateOf(answer));
        assertEquals(List.of("no-store"), headers.get("Cache-Control"));
    }
}
