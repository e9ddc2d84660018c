package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionService;

@Command(scope = "supervision", name = "contribution-info", description = "Shows one contribution bundle, with every reason when rejected, and its event history")
@Service
public class ContributionInfoCommand extends SupervisionAction {
    @Completion(ContributionCompleter.class)
    @Argument(index = 0, name = "id", required = true, description = "contribution id (see contribution-list)")
    long id;
    @Reference
    ContributionService contributions;

    @Override
    protected Object run() {
        Contribution c = contributions.get(caller(), id);
        System.out.println(c.symbolicName() + " " + c.version() + " → " + c.jurisdictionCode() + "  [" + c.state() + "]");
        System.out.println("  content hash  " + c.contentHash());
        System.out.println("  jar sha-256   " + (c.jarSha256() == null ? "—" : c.jarSha256()));
        System.out.println("  installed     " + c.installedAt() + " by " + c.installedBy() + " via " + c.channel());
        System.out.println("  contributes   " + c.units() + " unit(s), " + c.indicatorSystems() + " indicator system(s)");
        c.reasons().forEach(r -> System.out.println("  ✗ " + r));
        System.out.println("  history (append-only):");
        for (ContributionEvent e : contributions.events(caller(), id)) {
            System.out.println("    " + e.at() + "  " + e.type() + "  " + e.version() + " → " + e.jurisdictionCode()
                    + "  via " + e.channel() + " by " + e.actor()
                    + (e.jarSha256() == null ? "" : "  jar " + e.jarSha256().substring(0, 12) + "…"));
            e.reasons().forEach(r -> System.out.println("        " + r));
        }
        return null;
    }
}
