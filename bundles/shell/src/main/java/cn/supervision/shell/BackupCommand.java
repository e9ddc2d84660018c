package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.backup.BackupService;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "backup",
        description = "Backs the embedded database up now (online: the platform keeps running) and prints where, how large and how long")
@Service
public class BackupCommand extends SupervisionAction {
    @Reference
    BackupService backups;

    @Override
    protected Object run() {
        Backup b = backups.backup(caller());
        System.out.println("备份完成：" + b.path());
        System.out.println("恢复时使用：restoreFrom=" + b.path() + "/" + b.database());
        System.out.printf("大小 %.1f MB，用时 %.1f s%n", b.bytes() / 1_048_576.0, b.millis() / 1000.0);
        return null;
    }

    @Override
    protected String headline(SupervisionException e) {
        return e.getMessage();
    }
}
