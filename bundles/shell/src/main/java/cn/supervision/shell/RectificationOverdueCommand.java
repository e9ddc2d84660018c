package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.RectificationService;

@Command(scope = "supervision", name = "rectification-overdue", description = "Lists overdue rectification items (逾期整改事项)")
@Service
public class RectificationOverdueCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: all)")
    String code;
    @Reference
    RectificationService rectification;

    @Override
    protected Object run() {
        ShellTable table = table("Notice", "Jurisdiction", "Unit", "Item>", "Finding", "Deadline", "Overdue since");
        for (Item i : rectification.overdue(caller(), code)) {
            Notice n = rectification.get(caller(), i.noticeId());
            String finding = i.findingDescription() == null ? "" : i.findingDescription();
            table.addRow().addContent(n.number(), n.jurisdictionCode(), n.unitName(), i.id(),
                    finding.length() > 30 ? finding.substring(0, 30) + "…" : finding, n.deadline(), i.overdueSince());
        }
        table.print(System.out);
        return null;
    }
}
