package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.SpecialReportService;

@Command(scope = "supervision", name = "instructions", description = "Lists leaders' instructions (领导批示) on special reports not yet closed, with their open and overdue task counts (overdue first)")
@Service
public class InstructionListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: every jurisdiction)")
    String code;
    @Reference
    SpecialReportService reports;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "Report>", "Jurisdiction", "Leader", "Date", "Channel", "Tasks>", "Open>", "Overdue>", "Done>", "Text");
        for (Instruction i : reports.openInstructions(caller(), code)) {
            String text = i.text().length() > 40 ? i.text().substring(0, 40) + "…" : i.text();
            table.addRow().addContent(i.id(), i.reportId(), i.jurisdictionCode(), i.leader(), i.date(), i.channel(),
                    i.tasks().total(), i.tasks().open(), i.tasks().overdue(), i.tasks().done(), text);
        }
        table.print(System.out);
        return null;
    }
}
