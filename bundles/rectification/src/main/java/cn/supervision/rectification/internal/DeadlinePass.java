package cn.supervision.rectification.internal;

import java.time.Instant;

import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;

/** The scheduler's daily "rectification-deadlines" pass: overdue states, reminders, escalation proposals. */
public class DeadlinePass implements ScheduledPass {
    public static final String NAME = "rectification-deadlines";
    private final JpaRectificationService service;

    public DeadlinePass(JpaRectificationService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassResult run(Instant now) {
        return service.runDeadlines(now);
    }
}
