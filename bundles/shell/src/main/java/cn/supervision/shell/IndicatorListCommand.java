package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "indicator-list", description = "Lists indicator systems (指标体系), all jurisdictions or one")
@Service
public class IndicatorListCommand implements Action {
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: all)")
    String code;
    @Option(name = "-s", aliases = "--status", description = "DRAFT, PUBLISHED or RETIRED")
    SystemStatus status;
    @Reference
    IndicatorSystemService systems;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Id").alignRight();
            table.column("Jurisdiction");
            table.column("Name");
            table.column("Year");
            table.column("Version").alignRight();
            table.column("Status");
            table.column("Hash");
            for (IndicatorSystem s : systems.list(Operators.caller(session), code, status)) {
                table.addRow().addContent(s.id(), s.jurisdictionCode(), s.definition().name(), s.definition().year(), s.version(),
                        s.status(), s.contentHash().substring(0, 12));
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
