package cn.supervision.meeting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The one clock of a meeting service (records' times, "today" of the date checks, "now" of the start of a meeting), so a
 * test that moves it moves every step. Days and times are the office's, in its zone, whatever the server's.
 */
final class MeetingClock {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    MeetingClock(Clock clock) {
        this.clock = clock;
    }

    long millis() {
        return clock.millis();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZONE);
    }
}
