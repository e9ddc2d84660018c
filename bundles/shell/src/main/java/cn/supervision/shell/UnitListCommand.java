package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;

@Command(scope = "supervision", name = "unit-list", description = "Lists the units of a jurisdiction (default 370500)")
@Service
public class UnitListCommand implements Action {
    @Argument(index = 0, name = "code", description = "GB/T 2260 jurisdiction code")
    String code = "370500";
    @Option(name = "-a", aliases = "--all", description = "include merged and abolished units")
    boolean all;
    @Reference
    RegistryService registry;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Id").alignRight();
            table.column("Code");
            table.column("Name");
            table.column("Kind");
            table.column("Status");
            table.column("Duties").alignRight();
            table.column("Slots").alignRight();
            for (Unit u : registry.listUnits(Operators.caller(session), code, all)) {
                var s = u.mandate().staffing();
                table.addRow().addContent(u.id(), u.code(), u.name(), u.kind().label(), u.status().label(),
                        u.mandate().duties().size(), s.administrativeSlots() + s.institutionalSlots());
            }
            table.print(System.out);
            return null;
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
            return null;
        }
    }
}
