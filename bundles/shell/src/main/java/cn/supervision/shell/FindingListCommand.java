package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;

@Command(scope = "supervision", name = "finding-list", description = "Lists findings (问题清单), oldest first")
@Service
public class FindingListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: all)")
    String code;
    @Completion(value = StringsCompleter.class, values = {"OPEN", "IN_RECTIFICATION", "RECTIFIED", "WITHDRAWN"})
    @Option(name = "--state", description = "OPEN, IN_RECTIFICATION, RECTIFIED or WITHDRAWN")
    FindingState state;
    @Option(name = "-n", description = "at most this many (default 200)")
    int limit = 200;
    @Reference
    FindingService findings;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "Jurisdiction", "Unit", "Source", "Category", "Severity", "State", "Notice>");
        table.column("Description").maxSize(60);
        for (Finding f : findings.list(caller(), code, null, state, 0, Math.max(1, limit))) {
            table.addRow().addContent(f.id(), f.jurisdictionCode(), f.unitName(), source(f.source()), f.category().label(),
                    f.severity().label(), f.state(), f.noticeId() == null ? "" : f.noticeId(), f.description());
        }
        table.print(System.out);
        return null;
    }

    private static String source(FindingSource s) {
        return switch (s.kind()) {
            case CAMPAIGN_RESULT -> "监管活动 " + s.campaignId() + " " + s.indicatorCode() + " 第" + s.revision() + "版";
            case WARNING -> "预警 " + s.warningId();
            default -> s.kind() + " " + (s.reference() == null ? "" : s.reference());
        };
    }
}
