package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;

@Command(scope = "supervision", name = "campaign-list", description = "Lists supervision campaigns (监管活动)")
@Service
public class CampaignListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: all)")
    String code;
    @Reference
    CampaignService campaigns;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "Jurisdiction", "Kind", "Title", "Period", "State", "Targets>");
        for (Campaign c : campaigns.list(caller(), code, null)) {
            table.addRow().addContent(c.id(), c.jurisdictionCode(), c.kind().label(), c.title(), c.period().label(), c.state(),
                    c.targetUnitIds() == null ? "全部" : c.targetUnitIds().size());
        }
        table.print(System.out);
        return null;
    }
}
