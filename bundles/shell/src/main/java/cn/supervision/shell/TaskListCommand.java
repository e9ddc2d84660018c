package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;

@Command(scope = "supervision", name = "tasks", description = "Lists open tracked tasks (督办事项), overdue first, with owner, deadline and overdue flag")
@Service
public class TaskListCommand extends SupervisionAction {
    static final int SHOWN = 1_000;
    @Completion(JurisdictionCompleter.class)
    @Option(name = "-j", aliases = "--jurisdiction", description = "jurisdiction code (default: every jurisdiction)")
    String code;
    @Option(name = "-o", aliases = "--overdue", description = "only open tasks past their deadline")
    boolean overdue;
    @Option(name = "-a", aliases = "--all", description = "also done and cancelled tasks")
    boolean all;
    @Reference
    TaskService tasks;

    @Override
    protected Object run() {
        TaskQuery query = new TaskQuery(null, null, all ? null : TaskState.OPEN, overdue, null, null);
        List<TrackedTask> found = tasks.list(caller(), code, query, 0, SHOWN);
        ShellTable table = table("Id>", "Jurisdiction", "Origin", "Title", "Owner", "Deadline", "State", "Overdue", "Progress");
        for (TrackedTask t : found) {
            String title = t.title().length() > 30 ? t.title().substring(0, 30) + "…" : t.title();
            String owner = t.ownerName() + (t.ownerCode() == null ? "" : " (" + t.ownerCode() + ")");
            String progress = t.progress().isEmpty() ? "" : t.progress().get(t.progress().size() - 1).percent() == null
                    ? t.progress().size() + " 次" : t.progress().get(t.progress().size() - 1).percent() + "%";
            table.addRow().addContent(t.id(), t.jurisdictionCode(), t.origin() + " #" + t.originId(), title, owner, t.deadline(),
                    t.state(), t.overdue() ? "逾期" : "", progress);
        }
        table.print(System.out);
        if (found.size() == SHOWN) {
            System.out.println("（只列出前 " + SHOWN + " 项）");
        }
        return null;
    }
}
