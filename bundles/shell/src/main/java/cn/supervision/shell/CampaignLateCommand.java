package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.campaign.CampaignDeadlines;

@Command(scope = "supervision", name = "campaign-late", description = "Who self-reported and who is late in a campaign (自评逾期情况)")
@Service
public class CampaignLateCommand extends SupervisionAction {
    @Completion(CampaignCompleter.class)
    @Argument(index = 0, name = "id", required = true, description = "campaign id")
    long id;
    @Reference
    CampaignDeadlines deadlines;

    @Override
    protected Object run() {
        CampaignDeadlines.Lateness l = deadlines.lateness(caller(), id);
        System.out.println("采集截止：" + (l.collectionDeadline() == null ? "未设" : l.collectionDeadline() + "（北京时间当日 24 时）")
                + "，逾期处理：" + l.latePolicy() + (l.deadlinePassed() ? "，已截止" : "，未截止"));
        ShellTable table = table("Unit", "Name", "Reported", "Last report", "Late reports>", "Late", "Missing");
        for (CampaignDeadlines.UnitLateness u : l.units()) {
            table.addRow().addContent(u.unitCode(), u.unitName(), u.complete() ? "完成" : u.reported() ? "部分" : "未报",
                    u.lastReportAt() == null ? "" : u.lastReportAt(), u.lateReports(), u.late() ? "逾期" : "",
                    String.join(",", u.missingCodes()));
        }
        table.print(System.out);
        return null;
    }
}
