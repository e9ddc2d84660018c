package cn.supervision.shell;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;

@Command(scope = "supervision", name = "duty-list",
        description = "Lists a unit's main duties with their stable ids, types and links to other units' duties")
@Service
public class DutyListCommand extends SupervisionAction {
    @Completion(UnitCompleter.class)
    @Argument(index = 0, name = "unitId", description = "unit id", required = true)
    long unitId;
    @Option(name = "-r", aliases = "--retired", description = "include duties retired by a mandate revision")
    boolean retired;
    @Reference
    DutyDirectory duties;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "No.>", "Type", "Status", "Since>");
        table.column("Duty").maxSize(60);
        table.column("Links");
        for (DutyRecord d : duties.duties(caller(), unitId, retired)) {
            String status = d.status() == DutyStatus.RETIRED
                    ? d.status().label() + "（第 " + d.retiredAtRevision() + " 次修订）" : d.status().label();
            String links = d.links().stream().map(l -> (l.role() == null ? "" : l.role().label() + " ")
                    + l.unitCode() + "-" + l.dutyNumber()).collect(Collectors.joining("，"));
            table.addRow().addContent(d.id(), d.number(), d.type() == null ? "" : d.type().label(), status,
                    d.sinceRevision(), d.text(), links);
        }
        table.print(System.out);
        return null;
    }
}
