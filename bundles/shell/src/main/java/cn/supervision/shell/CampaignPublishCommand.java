package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "campaign-publish", description = "Publishes a campaign's results (SCORING → PUBLISHED)")
@Service
public class CampaignPublishCommand implements Action {
    @Argument(index = 0, name = "id", required = true, description = "campaign id")
    long id;
    @Argument(index = 1, name = "reason", required = true, description = "why (e.g. the approving meeting)")
    String reason;
    @Reference
    CampaignService campaigns;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            System.out.println("已发布：" + campaigns.transition(Operators.caller(session), id, CampaignState.PUBLISHED, reason).title());
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
