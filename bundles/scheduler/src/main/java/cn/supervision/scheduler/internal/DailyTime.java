package cn.supervision.scheduler.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When the daily run is due: one slot per calendar day of the zone, at the configured local time. */
record DailyTime(LocalTime at, ZoneId zone) {

    /** The day of the latest slot at or before {@code now}. */
    LocalDate dueDay(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return local.isBefore(slot(today)) ? today.minusDays(1) : today;
    }

    /** The instant of a day's slot (a local time skipped by a DST gap moves forward, as ZonedDateTime does). */
    ZonedDateTime slot(LocalDate day) {
        return ZonedDateTime.of(day, at, zone);
    }

    /** The first slot after {@code now}. */
    ZonedDateTime next(Instant now) {
        return slot(dueDay(now).plusDays(1));
    }
}
