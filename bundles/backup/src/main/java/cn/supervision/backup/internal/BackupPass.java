package cn.supervision.backup.internal;

import java.time.Instant;
import java.util.List;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.api.security.Caller;

/**
 * The daily backup, run by the daily scheduler with the other passes (at the time of etc/cn.supervision.scheduler.cfg,
 * made up at start when missed, in the run history, and on demand through {@code supervision:pass-run database-backup}).
 */
public class BackupPass implements ScheduledPass {
    static final String NAME = "database-backup";

    private final JdbcBackupService backups;

    public BackupPass(JdbcBackupService backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassResult run(Instant now) {
        if (!backups.settings().daily()) {
            return new PassResult(NAME, now, 0, 0, 0, List.of("每日备份已关闭（schedule=off）"), null);
        }
        Backup b = backups.take(Caller.system(JdbcBackupService.SCHEDULER));
        return new PassResult(NAME, now, 1, 1, b.millis(), List.of(b.path() + "，" + b.bytes() + " 字节"), null);
    }
}
