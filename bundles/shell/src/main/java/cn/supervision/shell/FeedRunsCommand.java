package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "feed-runs",
        description = "Lists the scheduled platform-data pulls (数据拉取), or one feed's runs; --now runs it first")
@Service
public class FeedRunsCommand implements Action {
    @Argument(index = 0, name = "name", description = "feed name (default: list the feeds)")
    String name;
    @Option(name = "--now", description = "run the feed now and wait for its outcome")
    boolean now;
    @Reference
    PlatformDataService data;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            if (name == null) {
                ShellTable table = new ShellTable();
                table.column("Name");
                table.column("Jurisdiction");
                table.column("Source");
                table.column("Location");
                table.column("Days");
                table.column("Time");
                for (FeedDefinition d : data.feeds(Operators.caller(session))) {
                    table.addRow().addContent(d.name(), d.jurisdictionCode(), d.sourceSystem(), d.location(), d.daysOfMonth(), d.time());
                }
                table.print(System.out);
                return null;
            }
            if (now) {
                FeedRun r = data.runFeed(Operators.caller(session), name);
                System.out.println(r.outcome() + "：" + r.message());
            }
            ShellTable table = new ShellTable();
            table.column("Id").alignRight();
            table.column("Started");
            table.column("Attempts").alignRight();
            table.column("Outcome");
            table.column("Batch");
            table.column("Message");
            for (FeedRun r : data.feedRuns(Operators.caller(session), name, 20)) {
                table.addRow().addContent(r.id(), r.startedAt(), r.attempts(), r.outcome(), r.clientBatchId(), r.message());
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
