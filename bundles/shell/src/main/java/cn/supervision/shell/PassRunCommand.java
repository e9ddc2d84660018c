package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;

@Command(scope = "supervision", name = "pass-run",
        description = "Runs the daily rule passes now (deadlines, reminders, warning rules), or only the named one, and prints what they did")
@Service
public class PassRunCommand extends SupervisionAction {
    @Completion(PassCompleter.class)
    @Argument(index = 0, name = "name", description = "pass name (default: every pass, in name order)")
    String name;
    @Reference
    Scheduler scheduler;

    @Override
    protected Object run() {
        List<PassResult> results = scheduler.runNow(caller(), name);
        if (results.isEmpty()) {
            System.out.println("没有已注册的每日规则任务");
        }
        PassHistoryCommand.print(results);
        return null;
    }

    @Override
    protected String headline(SupervisionException e) {
        return e.getMessage();
    }
}
