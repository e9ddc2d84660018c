package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;

@Command(scope = "supervision", name = "pass-history", description = "Lists the latest runs of the daily rule passes, newest first")
@Service
public class PassHistoryCommand implements Action {
    @Option(name = "--limit", aliases = "-n", description = "how many runs (default 20, at most 1000)")
    int limit = 20;
    @Reference
    Scheduler scheduler;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            print(scheduler.history(Operators.caller(session), limit));
        } catch (SupervisionException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }

    static void print(List<PassResult> results) {
        ShellTable table = new ShellTable();
        table.column("Pass");
        table.column("Ran at");
        table.column("Examined").alignRight();
        table.column("Changed").alignRight();
        table.column("ms").alignRight();
        table.column("Outcome");
        for (PassResult r : results) {
            table.addRow().addContent(r.pass(), r.ranAt(), r.examined(), r.changed(), r.millis(),
                    r.failure() == null ? String.join("；", r.notes()) : "失败：" + r.failure());
        }
        table.print(System.out);
    }
}
