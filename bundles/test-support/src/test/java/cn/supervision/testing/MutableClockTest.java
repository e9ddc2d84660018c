package cn.supervision.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aZoneViewJudgesTheDayInItsZoneAndFollowsTheTestsMoves() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T20:00:00Z"));
        Clock shanghai = clock.withZone(SHANGHAI);
        assertEquals(LocalDate.of(2026, 11, 30), LocalDate.now(clock));
        assertEquals(LocalDate.of(2026, 12, 1), LocalDate.now(shanghai), "04:00 the next morning in Shanghai");

        clock.advance(Duration.ofHours(-5));
        assertEquals(LocalDate.of(2026, 11, 30), LocalDate.now(shanghai));
        clock.set(Instant.parse("2026-12-31T16:00:00Z"));
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), shanghai.instant());
        assertEquals(2027, LocalDate.now(shanghai).getYear());
        assertSame(clock, clock.withZone(ZoneOffset.UTC));
        assertEquals(SHANGHAI, shanghai.getZone());
    }
}
