package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.PlatformDataService;

@Command(scope = "supervision", name = "feed-runs",
        description = "Lists the scheduled platform-data pulls (数据拉取), or one feed's runs; --now runs it first")
@Service
public class FeedRunsCommand extends SupervisionAction {
    @Completion(FeedCompleter.class)
    @Argument(index = 0, name = "name", description = "feed name (default: list the feeds)")
    String name;
    @Option(name = "--now", description = "run the feed now and wait for its outcome")
    boolean now;
    @Reference
    PlatformDataService data;

    @Override
    protected Object run() {
        if (name == null) {
            ShellTable table = table("Name", "Jurisdiction", "Source", "Location", "Days", "Time");
            for (FeedDefinition d : data.feeds(caller())) {
                table.addRow().addContent(d.name(), d.jurisdictionCode(), d.sourceSystem(), d.location(), d.daysOfMonth(), d.time());
            }
            table.print(System.out);
            return null;
        }
        if (now) {
            FeedRun r = data.runFeed(caller(), name);
            System.out.println(r.outcome() + "：" + r.message());
        }
        ShellTable table = table("Id>", "Started", "Attempts>", "Outcome", "Batch", "Message");
        for (FeedRun r : data.feedRuns(caller(), name, 20)) {
            table.addRow().addContent(r.id(), r.startedAt(), r.attempts(), r.outcome(), r.clientBatchId(), r.message());
        }
        table.print(System.out);
        return null;
    }
}
