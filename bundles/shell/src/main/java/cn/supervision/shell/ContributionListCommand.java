package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionService;

@Command(scope = "supervision", name = "contribution-list", description = "Lists contribution bundles and their states,"
        + " or with --events the latest events (refusals of jars that never became a record included)")
@Service
public class ContributionListCommand extends SupervisionAction {
    @Option(name = "--events", aliases = "-e", description = "the latest N events of the append-only history instead")
    int events;
    @Reference
    ContributionService contributions;

    @Override
    protected Object run() {
        if (events > 0) {
            for (ContributionEvent e : contributions.recentEvents(caller(), events)) {
                System.out.println(e.at() + "  " + e.type() + "  " + e.symbolicName() + " " + e.version() + " → "
                        + e.jurisdictionCode() + "  via " + e.channel() + " by " + e.actor());
                e.reasons().forEach(r -> System.out.println("    " + r));
            }
            return null;
        }
        ShellTable table = table("Id>", "Bundle", "Version", "Jurisdiction", "State", "Units>", "Systems>", "Channel", "Hash");
        for (Contribution c : contributions.list(caller())) {
            table.addRow().addContent(c.id(), c.symbolicName(), c.version(), c.jurisdictionCode(), c.state(), c.units(),
                    c.indicatorSystems(), c.channel(), c.contentHash().substring(0, 12));
        }
        table.print(System.out);
        return null;
    }
}
