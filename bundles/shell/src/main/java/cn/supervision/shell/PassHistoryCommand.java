package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;

@Command(scope = "supervision", name = "pass-history", description = "Lists the latest runs of the daily rule passes, newest first")
@Service
public class PassHistoryCommand extends SupervisionAction {
    @Option(name = "--limit", aliases = "-n", description = "how many runs (default 20, at most 1000)")
    int limit = 20;
    @Reference
    Scheduler scheduler;

    @Override
    protected Object run() {
        print(scheduler.history(caller(), limit));
        return null;
    }

    static void print(List<PassResult> results) {
        ShellTable table = table("Pass", "Ran at", "Examined>", "Changed>", "ms>", "Outcome");
        for (PassResult r : results) {
            table.addRow().addContent(r.pass(), r.ranAt(), r.examined(), r.changed(), r.millis(),
                    r.failure() == null ? String.join("；", r.notes()) : "失败：" + r.failure());
        }
        table.print(System.out);
    }

    @Override
    protected String headline(SupervisionException e) {
        return e.getMessage();
    }
}
