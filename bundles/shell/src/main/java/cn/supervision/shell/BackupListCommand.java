package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.backup.BackupService;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "backup-list", description = "Lists the completed database backups, newest first")
@Service
public class BackupListCommand extends SupervisionAction {
    @Reference
    BackupService backups;

    @Override
    protected Object run() {
        ShellTable table = table("Path", "Started", "MB>", "s>");
        for (Backup b : backups.list(caller())) {
            table.addRow().addContent(b.path(), b.started(), String.format("%.1f", b.bytes() / 1_048_576.0),
                    String.format("%.1f", b.millis() / 1000.0));
        }
        table.print(System.out);
        return null;
    }

    @Override
    protected String headline(SupervisionException e) {
        return e.getMessage();
    }
}
