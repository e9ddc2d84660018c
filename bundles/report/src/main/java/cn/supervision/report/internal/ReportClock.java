package cn.supervision.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;

/**
 * The one clock of a special-report service (records' times, "today" of the date checks, the year of the issue number),
 * so a test that moves it moves every step. Days and years are the office's, in its zone, whatever the server's.
 */
final class ReportClock {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    ReportClock(Clock clock) {
        this.clock = clock;
    }

    long millis() {
        return clock.millis();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The year of the issue number given at approval. */
    int year() {
        return Year.now(clock.withZone(ZONE)).getValue();
    }
}
