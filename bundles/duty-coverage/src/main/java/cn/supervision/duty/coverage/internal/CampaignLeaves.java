package cn.supervision.duty.coverage.internal;

import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;

/** One campaign with the duty leaves it expanded for its target units. */
record CampaignLeaves(Campaign campaign, List<DutyLeaf> leaves) {

    CampaignLeaves {
        leaves = List.copyOf(leaves);
    }

    /**
     * The leaves of each campaign the caller may read them of. The campaign service decides (before publication only
     * the campaign's own office and its leaders read them): a campaign it refuses is left out of a jurisdiction-wide view
     * rather than failing it, as a superior office's view of a county leaves out the county's unpublished campaigns.
     * A DRAFT has no leaves yet, so it is not asked.
     */
    static List<CampaignLeaves> readable(CampaignService campaigns, Caller caller, List<Campaign> candidates) {
        List<CampaignLeaves> out = new ArrayList<>();
        for (Campaign c : candidates) {
            if (c.state() == CampaignState.DRAFT) {
                continue;
            }
            try {
                out.add(new CampaignLeaves(c, campaigns.dutyLeaves(caller, c.id(), null)));
            } catch (SupervisionException e) {
                if (e.kind() != ProblemKind.FORBIDDEN) {
                    throw e;
                }
            }
        }
        return out;
    }
}
