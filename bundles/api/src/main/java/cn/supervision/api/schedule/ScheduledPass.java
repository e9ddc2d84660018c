package cn.supervision.api.schedule;

import java.time.Instant;

/**
 * SPI: one daily pass of the platform's scheduler (rectification deadlines, campaign deadlines, warning rules …),
 * registered as an OSGi service. {@code now} comes from the scheduler's clock, so tests control time; a pass must be
 * idempotent for the same day (running it twice sends no second reminder and changes nothing more).
 */
public interface ScheduledPass {

    /** Short stable name, e.g. {@code rectification-deadlines}. */
    String name();

    PassResult run(Instant now);
}
