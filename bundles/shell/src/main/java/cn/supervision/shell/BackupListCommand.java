package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.backup.BackupService;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "backup-list", description = "Lists the completed database backups, newest first")
@Service
public class BackupListCommand implements Action {
    @Reference
    BackupService backups;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Path");
            table.column("Started");
            table.column("MB").alignRight();
            table.column("s").alignRight();
            for (Backup b : backups.list(Operators.caller(session))) {
                table.addRow().addContent(b.path(), b.started(), String.format("%.1f", b.bytes() / 1_048_576.0),
                        String.format("%.1f", b.millis() / 1000.0));
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
