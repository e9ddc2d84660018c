package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "campaign-list", description = "Lists supervision campaigns (监管活动)")
@Service
public class CampaignListCommand implements Action {
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: all)")
    String code;
    @Reference
    CampaignService campaigns;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Id").alignRight();
            table.column("Jurisdiction");
            table.column("Kind");
            table.column("Title");
            table.column("Period");
            table.column("State");
            table.column("Targets").alignRight();
            for (Campaign c : campaigns.list(Operators.caller(session), code, null)) {
                table.addRow().addContent(c.id(), c.jurisdictionCode(), c.kind().label(), c.title(), c.period().label(), c.state(),
                        c.targetUnitIds() == null ? "全部" : c.targetUnitIds().size());
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
