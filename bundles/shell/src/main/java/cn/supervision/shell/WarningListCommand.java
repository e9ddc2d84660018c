package cn.supervision.shell;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningService;

@Command(scope = "supervision", name = "warning-list", description = "Lists the warning ledger (预警台账) of a jurisdiction, or of every jurisdiction")
@Service
public class WarningListCommand implements Action {
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: every jurisdiction)")
    String code;
    @Option(name = "-a", aliases = "--all", description = "closed and converted warnings too (default: open ones only)")
    boolean all;
    @Reference
    WarningService warnings;
    @Reference
    RegistryService registry;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            Caller caller = Operators.caller(session);
            List<String> codes = new ArrayList<>();
            if (code != null) {
                codes.add(code);
            } else {
                registry.listJurisdictions(caller).stream().map(Jurisdiction::code).forEach(codes::add);
            }
            ShellTable table = new ShellTable();
            table.column("Id").alignRight();
            table.column("Number");
            table.column("Level");
            table.column("Rule");
            table.column("Unit");
            table.column("State");
            table.column("Raised");
            table.column("Finding").alignRight();
            for (String c : codes) {
                for (Warning w : warnings.list(caller, c, null, null, null)) {
                    if (all || w.state().open()) {
                        table.addRow().addContent(w.id(), w.number(), w.level(), w.rule(), w.unitName(), w.state(), w.raisedAt(),
                                w.findingId() == null ? "" : w.findingId());
                    }
                }
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
