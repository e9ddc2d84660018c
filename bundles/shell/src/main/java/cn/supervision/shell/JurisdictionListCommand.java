package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;

@Command(scope = "supervision", name = "jurisdiction-list", description = "Lists the jurisdictions (行政区划)")
@Service
public class JurisdictionListCommand implements Action {
    @Reference
    RegistryService registry;
    @Reference
    Session session;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Kind");
        table.column("Parent");
        for (Jurisdiction j : registry.listJurisdictions(Operators.caller(session))) {
            table.addRow().addContent(j.code() + (j.localCode() ? "*" : ""), j.name(), j.kind(),
                    j.parentCode() == null ? "" : j.parentCode());
        }
        table.print(System.out);
        return null;
    }
}
