package cn.supervision.backup.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.api.security.Caller;

/**
 * The daily backup, run by the daily scheduler with the other passes (at the time of etc/cn.supervision.scheduler.cfg,
 * made up at start when missed, in the run history, and on demand through {@code supervision:pass-run database-backup}).
 * On another database than embedded Derby (PostgreSQL, e.g. for two nodes) it skips, with a note saying what to use.
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
        String other;
        try {
            other = backups.otherDatabase();
        } catch (SQLException | RuntimeException e) {
            other = null; // not reachable: the backup itself fails and says why
        }
        if (other != null) {
            // another database is backed up with its own tools: nothing failed, and nothing is written or audited
            return new PassResult(NAME, now, 0, 0, 0, List.of("跳过：数据库是 " + other + "，平台只在线备份内嵌 Derby；"
                    + DerbyCopier.ownTools(other)), null);
        }
        Backup b = backups.take(Caller.system(JdbcBackupService.SCHEDULER));
        return new PassResult(NAME, now, 1, 1, b.millis(), List.of(b.path() + "，" + b.bytes() + " 字节"), null);
    }
}
