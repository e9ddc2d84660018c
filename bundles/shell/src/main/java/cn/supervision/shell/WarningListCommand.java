package cn.supervision.shell;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningService;

@Command(scope = "supervision", name = "warning-list", description = "Lists the warning ledger (预警台账) of a jurisdiction, or of every jurisdiction")
@Service
public class WarningListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: every jurisdiction)")
    String code;
    @Option(name = "-a", aliases = "--all", description = "closed and converted warnings too (default: open ones only)")
    boolean all;
    @Reference
    WarningService warnings;
    @Reference
    RegistryService registry;

    @Override
    protected Object run() {
        Caller caller = caller();
        List<String> codes = new ArrayList<>();
        if (code != null) {
            codes.add(code);
        } else {
            registry.listJurisdictions(caller).stream().map(Jurisdiction::code).forEach(codes::add);
        }
        ShellTable table = table("Id>", "Number", "Level", "Rule", "Unit", "State", "Raised", "Finding>");
        for (String c : codes) {
            for (Warning w : warnings.list(caller, c, null, null, null)) {
                if (all || w.state().open()) {
                    table.addRow().addContent(w.id(), w.number(), w.level(), w.rule(), w.unitName(), w.state(), w.raisedAt(),
                            w.findingId() == null ? "" : w.findingId());
                }
            }
        }
        table.print(System.out);
        return null;
    }
}
