package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.security.Caller;

/** Ids of the campaigns the caller may read, each with its title. */
@Service
public class CampaignCompleter extends IdCompleter {
    @Reference
    CampaignService campaigns;

    @Override
    protected List<Choice> choices(Caller caller, String prefix, int limit) {
        return choose(campaigns.list(caller, null, null), Campaign::id, Campaign::title, prefix, limit);
    }
}
