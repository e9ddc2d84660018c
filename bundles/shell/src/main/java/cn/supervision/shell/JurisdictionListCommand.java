package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;

@Command(scope = "supervision", name = "jurisdiction-list", description = "Lists the jurisdictions (行政区划)")
@Service
public class JurisdictionListCommand extends SupervisionAction {
    @Reference
    RegistryService registry;

    @Override
    protected Object run() {
        ShellTable table = table("Code", "Name", "Kind", "Parent");
        for (Jurisdiction j : registry.listJurisdictions(caller())) {
            table.addRow().addContent(j.code() + (j.localCode() ? "*" : ""), j.name(), j.kind(),
                    j.parentCode() == null ? "" : j.parentCode());
        }
        table.print(System.out);
        return null;
    }
}
