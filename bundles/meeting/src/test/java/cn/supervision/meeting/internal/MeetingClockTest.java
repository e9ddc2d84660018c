package cn.supervision.meeting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Days and times are the office's (Asia/Shanghai) whatever the zone of the clock it is given. */
class MeetingClockTest {
    @Test
    void lateEveningUtcIsAlreadyTheNextDayInTheOffice() {
        MeetingClock clock = new MeetingClock(Clock.fixed(Instant.parse("2026-11-30T16:30:00Z"), ZoneOffset.UTC));
        assertEquals(LocalDate.parse("2026-12-01"), clock.today());
        assertEquals(LocalDateTime.parse("2026-12-01T00:30"), clock.now());
        assertEquals(Instant.parse("2026-11-30T16:30:00Z").toEpochMilli(), clock.millis());
    }
}
