package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeBackupService;
import cn.supervision.testing.fakes.FakeScheduler;

/** The daily rule passes and the database backups: operator commands whose refusals already read as sentences. */
class OperationsCommandsTest extends CommandTestBase {
    private static FakeScheduler scheduler(List<PassResult> results) {
        return new FakeScheduler() {
            @Override
            public List<PassResult> runNow(Caller caller, String pass) {
                if ("nosuch".equals(pass)) {
                    throw SupervisionException.notFound("没有名为 nosuch 的每日规则任务");
                }
                return results;
            }
        };
    }

    @Test
    void passesPrintWhatTheyDidOrTheirFailure() throws Exception {
        PassRunCommand c = new PassRunCommand();
        c.scheduler = scheduler(List.of(
                new PassResult("deadlines", Instant.parse("2026-11-30T08:00:00Z"), 40, 2, 15, List.of("2 项逾期", "已提醒 3 人"), null),
                new PassResult("warnings", Instant.parse("2026-11-30T08:00:01Z"), 0, 0, 3, List.of(), "数据库不可用")));
        run(c);
        assertEquals(List.of("deadlines", "2026-11-30T08:00:00Z", "40", "2", "15", "2 项逾期；已提醒 3 人"), row("deadlines"));
        assertEquals("失败：数据库不可用", row("warnings").get(5));

        c.scheduler = scheduler(List.of());
        assertEquals("没有已注册的每日规则任务", run(c).lines().findFirst().orElseThrow());
    }

    @Test
    void anUnknownPassIsRefusedWithItsMessageAlone() throws Exception {
        PassRunCommand c = new PassRunCommand();
        c.name = "nosuch";
        c.scheduler = scheduler(List.of());
        assertRefused(c, SupervisionException.notFound("x"), "没有名为 nosuch 的每日规则任务", 404);
    }

    @Test
    void aBackupSaysWhereHowLargeAndHowToRestore() throws Exception {
        BackupCommand c = new BackupCommand();
        c.backups = new FakeBackupService() {
            @Override
            public Backup backup(Caller caller) {
                return new Backup("/srv/backups/20261130-0800", "supervision", Instant.parse("2026-11-30T08:00:00Z"),
                        Instant.parse("2026-11-30T08:00:02.500Z"), 3 * 1_048_576L / 2);
            }
        };
        assertEquals(List.of("备份完成：/srv/backups/20261130-0800", "恢复时使用：restoreFrom=/srv/backups/20261130-0800/supervision",
                String.format("大小 %.1f MB，用时 %.1f s", 1.5, 2.5)), run(c).lines().toList());
    }

    @Test
    void aBackupThatCannotRunIsRefusedAsBusy() throws Exception {
        SupervisionException busy = SupervisionException.busy("备份进行中", "另一个备份正在进行，请稍后再试");
        BackupCommand c = new BackupCommand();
        c.backups = new FakeBackupService() {
            @Override
            public Backup backup(Caller caller) {
                throw busy;
            }
        };
        assertRefused(c, busy, "另一个备份正在进行，请稍后再试", 503);
    }
}
