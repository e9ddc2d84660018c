package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemStatus;

@Command(scope = "supervision", name = "indicator-list", description = "Lists indicator systems (指标体系), all jurisdictions or one")
@Service
public class IndicatorListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: all)")
    String code;
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "PUBLISHED", "RETIRED"})
    @Option(name = "-s", aliases = "--status", description = "DRAFT, PUBLISHED or RETIRED")
    SystemStatus status;
    @Reference
    IndicatorSystemService systems;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "Jurisdiction", "Name", "Year", "Version>", "Status", "Hash");
        for (IndicatorSystem s : systems.list(caller(), code, status)) {
            table.addRow().addContent(s.id(), s.jurisdictionCode(), s.definition().name(), s.definition().year(), s.version(),
                    s.status(), s.contentHash().substring(0, 12));
        }
        table.print(System.out);
        return null;
    }
}
