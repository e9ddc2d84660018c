package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.campaign.CampaignDeadlines;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "campaign-late", description = "Who self-reported and who is late in a campaign (自评逾期情况)")
@Service
public class CampaignLateCommand implements Action {
    @Argument(index = 0, name = "id", required = true, description = "campaign id")
    long id;
    @Reference
    CampaignDeadlines deadlines;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            CampaignDeadlines.Lateness l = deadlines.lateness(Operators.caller(session), id);
            System.out.println("采集截止：" + (l.collectionDeadline() == null ? "未设" : l.collectionDeadline() + "（北京时间当日 24 时）")
                    + "，逾期处理：" + l.latePolicy() + (l.deadlinePassed() ? "，已截止" : "，未截止"));
            ShellTable table = new ShellTable();
            table.column("Unit");
            table.column("Name");
            table.column("Reported");
            table.column("Last report");
            table.column("Late reports").alignRight();
            table.column("Late");
            table.column("Missing");
            for (CampaignDeadlines.UnitLateness u : l.units()) {
                table.addRow().addContent(u.unitCode(), u.unitName(), u.complete() ? "完成" : u.reported() ? "部分" : "未报",
                        u.lastReportAt() == null ? "" : u.lastReportAt(), u.lateReports(), u.late() ? "逾期" : "",
                        String.join(",", u.missingCodes()));
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
