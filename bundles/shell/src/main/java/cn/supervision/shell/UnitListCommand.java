package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;

@Command(scope = "supervision", name = "unit-list", description = "Lists the units of a jurisdiction (default 370500)")
@Service
public class UnitListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "GB/T 2260 jurisdiction code")
    String code = "370500";
    @Option(name = "-a", aliases = "--all", description = "include merged and abolished units")
    boolean all;
    @Reference
    RegistryService registry;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "Code", "Name", "Kind", "Status", "Duties>", "Slots>");
        for (Unit u : registry.listUnits(caller(), code, all)) {
            var s = u.mandate().staffing();
            table.addRow().addContent(u.id(), u.code(), u.name(), u.kind().label(), u.status().label(),
                    u.mandate().duties().size(), s.administrativeSlots() + s.institutionalSlots());
        }
        table.print(System.out);
        return null;
    }
}
