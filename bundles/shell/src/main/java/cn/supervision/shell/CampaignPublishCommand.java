package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;

@Command(scope = "supervision", name = "campaign-publish", description = "Publishes a campaign's results (SCORING → PUBLISHED)")
@Service
public class CampaignPublishCommand extends SupervisionAction {
    @Completion(CampaignCompleter.class)
    @Argument(index = 0, name = "id", required = true, description = "campaign id")
    long id;
    @Argument(index = 1, name = "reason", required = true, description = "why (e.g. the approving meeting)")
    String reason;
    @Reference
    CampaignService campaigns;

    @Override
    protected Object run() {
        System.out.println("已发布：" + campaigns.transition(caller(), id, CampaignState.PUBLISHED, reason).title());
        return null;
    }
}
