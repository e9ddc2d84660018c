package cn.supervision.backup.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.backup.Backup;
import cn.supervision.api.backup.BackupService;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.rest.bounds.ProblemStatus;

/**
 * The backup service: authority, one backup at a time, audit. The copy is {@link DerbyCopier}'s, the directory layout
 * and retention {@link BackupDirectory}'s. The service records its own audit entries (whoever asked: shell, REST or
 * the daily scheduler), so a scheduled backup is in the trail as well as one asked for.
 */
public class JdbcBackupService implements BackupService, ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcBackupService.class);
    static final String SCHEDULER = "scheduler";

    private final DerbyCopier copier;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile BackupSettings settings = BackupSettings.defaults();
    /** The database last seen, as {@link DerbyCopier#otherDatabase()} words it ("" for embedded Derby), null before. */
    private String database;

    public JdbcBackupService(DataSource dataSource, RegistryService registry, AuditLog audit) {
        this(dataSource, registry, audit, Clock.systemUTC());
    }

    JdbcBackupService(DataSource dataSource, RegistryService registry, AuditLog audit, Clock clock) {
        this.copier = new DerbyCopier(dataSource);
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Says once in the log, at start, when the database is not one the platform backs up (PostgreSQL in a cluster):
     * the daily run then skips instead of failing every night. A database not reachable yet is looked at again by the
     * daily run.
     */
    public void start() {
        try {
            otherDatabase();
        } catch (SQLException | RuntimeException e) {
            LOG.info("数据库备份：暂时无法连接数据库判断其类型（{}），每日备份时再判断", e.toString());
        }
    }

    /**
     * Null when the platform's database is embedded Derby (backed up here), else what it is; the first answer and any
     * change (the datasource configuration was edited) are logged.
     */
    String otherDatabase() throws SQLException {
        String other = copier.otherDatabase();
        String seen = other == null ? "" : other;
        synchronized (this) {
            if (!seen.equals(database)) {
                if (other != null) {
                    LOG.warn("数据库备份：数据库是 {}，平台只在线备份内嵌 Derby，每日备份跳过；{}", other, DerbyCopier.ownTools(other));
                } else if (database != null) {
                    LOG.info("数据库备份：数据库是内嵌 Derby，每日备份照常进行");
                }
                database = seen;
            }
        }
        return other;
    }

    @Override
    public void updated(Dictionary<String, ?> properties) throws ConfigurationException {
        try {
            settings = BackupSettings.parse(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("数据库备份配置 {} 无效，沿用 {}：{}", BackupSettings.PID, settings, e.getMessage());
            throw new ConfigurationException(null, e.getMessage());
        }
        BackupSettings s = settings;
        LOG.info("数据库备份目录 {}，保留 {} 份，每日备份{}", s.directory(), s.retain(), s.daily() ? "开启" : "关闭");
    }

    BackupSettings settings() {
        return settings;
    }

    @Override
    public Backup backup(Caller caller) {
        try {
            requireAdministrator(caller);
        } catch (SupervisionException e) {
            record(caller, null, e.kind());
            throw e;
        }
        return take(caller);
    }

    @Override
    public List<Backup> list(Caller caller) {
        requireAdministrator(caller);
        return new BackupDirectory(settings.directory()).completed();
    }

    /** Takes a backup if none is running; a failed one leaves nothing behind in the backup directory. */
    Backup take(Caller caller) {
        if (!running.tryLock()) {
            SupervisionException busy = SupervisionException.busy("备份正在进行", "另一个数据库备份正在进行，请稍后再试");
            record(caller, null, busy.kind());
            throw busy;
        }
        BackupSettings s = settings;
        BackupDirectory directory = new BackupDirectory(s.directory());
        Path dir = null;
        try {
            Instant started = clock.instant();
            dir = directory.create(started);
            String database = copier.copy(dir);
            Instant finished = clock.instant();
            Backup b = new Backup(dir.toString(), database, started, finished, BackupDirectory.sizeOf(dir));
            directory.complete(dir, b);
            LOG.info("数据库已备份到 {}（{} 字节，{} ms）", dir, b.bytes(), b.millis());
            record(caller, dir, null);
            prune(directory, s.retain());
            return b;
        } catch (SQLException | IOException | RuntimeException e) {
            discard(directory, dir);
            SupervisionException failure = e instanceof SupervisionException se ? se
                    : SupervisionException.unavailable("备份失败", "数据库备份失败：" + e.getMessage());
            LOG.error("数据库备份失败：{}", e.toString());
            record(caller, dir, failure.kind());
            throw failure;
        } finally {
            running.unlock();
        }
    }

    private static void prune(BackupDirectory directory, int retain) {
        try {
            for (Path gone : directory.prune(retain)) {
                LOG.info("删除超出保留份数（{}）的旧备份 {}", retain, gone);
            }
        } catch (IOException | RuntimeException e) {
            // the new backup is complete; an old one left behind is removed by the next run
            LOG.error("清理旧备份失败：{}", e.toString());
        }
    }

    private static void discard(BackupDirectory directory, Path dir) {
        if (dir == null) {
            return;
        }
        try {
            directory.discard(dir);
        } catch (IOException | RuntimeException e) {
            LOG.error("未能删除失败备份留下的目录 {}：{}", dir, e.toString());
        }
    }

    /** A backup holds every jurisdiction's records: the root jurisdiction's office only. */
    private void requireAdministrator(Caller caller) {
        if (caller.isSystem()) {
            return;
        }
        Access access = registry.access();
        List<Jurisdiction> roots = registry.listJurisdictions(Caller.system("backup")).stream()
                .filter(j -> j.parentCode() == null).toList();
        if (roots.stream().anyMatch(r -> access.may(caller, Operation.ADMINISTER_BACKUPS, r.code()))) {
            return;
        }
        throw Access.denied(Operation.ADMINISTER_BACKUPS, Target.of(roots.isEmpty() ? caller.jurisdictionCode() : roots.get(0).code()));
    }

    /** One audit entry per backup asked for, taken or refused; a trail that cannot write does not undo the backup. */
    private void record(Caller caller, Path dir, ProblemKind refusal) {
        String user = caller.username();
        String channel = SCHEDULER.equals(user) ? "SCHEDULE" : user != null && user.startsWith("shell:") ? "SHELL" : "SERVICE";
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        int status = refusal == null ? 200 : ProblemStatus.of(refusal);
        AuditEvent event = new AuditEvent(clock.instant(), user, roles, caller.jurisdictionCode(), channel.toLowerCase(),
                channel, AuditAction.WRITE, "backup", "supervision:backup",
                dir == null ? null : "backup=" + dir.getFileName(), status);
        try {
            audit.record(event);
        } catch (RuntimeException e) {
            LOG.error("审计日志写入失败，记录改写入日志：{}", event, e);
        }
    }
}
