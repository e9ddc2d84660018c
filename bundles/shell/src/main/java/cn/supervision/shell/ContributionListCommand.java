package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionService;

@Command(scope = "supervision", name = "contribution-list", description = "Lists contribution bundles and their states,"
        + " or with --events the latest events (refusals of jars that never became a record included)")
@Service
public class ContributionListCommand implements Action {
    @Option(name = "--events", aliases = "-e", description = "the latest N events of the append-only history instead")
    int events;
    @Reference
    ContributionService contributions;
    @Reference
    Session session;

    @Override
    public Object execute() {
        if (events > 0) {
            for (ContributionEvent e : contributions.recentEvents(Operators.caller(session), events)) {
                System.out.println(e.at() + "  " + e.type() + "  " + e.symbolicName() + " " + e.version() + " → "
                        + e.jurisdictionCode() + "  via " + e.channel() + " by " + e.actor());
                e.reasons().forEach(r -> System.out.println("    " + r));
            }
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Bundle");
        table.column("Version");
        table.column("Jurisdiction");
        table.column("State");
        table.column("Units").alignRight();
        table.column("Systems").alignRight();
        table.column("Channel");
        table.column("Hash");
        for (Contribution c : contributions.list(Operators.caller(session))) {
            table.addRow().addContent(c.id(), c.symbolicName(), c.version(), c.jurisdictionCode(), c.state(), c.units(),
                    c.indicatorSystems(), c.channel(), c.contentHash().substring(0, 12));
        }
        table.print(System.out);
        return null;
    }
}
