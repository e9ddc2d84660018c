package cn.supervision.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock of records and of "today", one for every step so a test that moves it moves them all. Deadlines are
 * calendar days in the office's zone, whatever the server's.
 */
final class RecordClock {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Clock clock = Clock.system(ZONE);

    void set(Clock clock) {
        this.clock = clock;
    }

    long millis() {
        return clock.millis();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
