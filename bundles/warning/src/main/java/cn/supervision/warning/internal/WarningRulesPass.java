package cn.supervision.warning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;

/**
 * The daily pass "warning-rules": every jurisdiction's rules, then the reminders due. Idempotent for a day: facts
 * already in the ledger are not raised again and a reminder is due only {@code reminder.days} after the last one.
 */
public final class WarningRulesPass implements ScheduledPass {
    private final WarningLedgerService warnings;

    public WarningRulesPass(WarningLedgerService warnings) {
        this.warnings = warnings;
    }

    @Override
    public String name() {
        return WarningLedgerService.PLATFORM;
    }

    @Override
    public PassResult run(Instant now) {
        long started = System.nanoTime();
        List<WarningLedgerService.Evaluation> all = warnings.evaluateAll(now);
        int reminded = warnings.remind(now);
        long hits = 0;
        long raised = 0;
        List<String> notes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (WarningLedgerService.Evaluation e : all) {
            hits += e.hits();
            raised += e.raised().size();
            notes.addAll(e.notes());
            failures.addAll(e.failures());
        }
        notes.add(0, "新增预警 " + raised + " 条，提醒 " + reminded + " 条");
        return new PassResult(name(), now, hits, raised + reminded, (System.nanoTime() - started) / 1_000_000, notes,
                failures.isEmpty() ? null : String.join("；", failures));
    }
}
