package cn.supervision.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Days and the issue number's year are the office's (Asia/Shanghai) whatever the zone of the clock it is given. */
class ReportClockTest {
    @Test
    void newYearsEveLateUtcIsAlreadyTheNewYearInTheOffice() {
        Instant at = Instant.parse("2026-12-31T16:30:00Z");
        ReportClock clock = new ReportClock(Clock.fixed(at, ZoneOffset.UTC));
        assertEquals(LocalDate.parse("2027-01-01"), clock.today());
        assertEquals(2027, clock.year());
        assertEquals(at.toEpochMilli(), clock.millis());
        assertEquals(JpaSpecialReportService.CHINA, ReportClock.ZONE);
    }
}
