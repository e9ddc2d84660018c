package cn.supervision.assessment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.assessment.internal.ItemRules.SpecialResults;

/**
 * The jurisdiction's campaigns and their published results, read as the platform ({@link AssessmentAccess#PLATFORM})
 * once the caller may read the assessment, so that items are derived from every unit's result whoever asks.
 */
final class CampaignResults {
    private final CampaignService campaigns;

    CampaignResults(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** A published campaign of the year at its latest result revision (every unit's rows). */
    record Published(Campaign campaign, ResultRevision latest, Instant publishedAt) {
        CampaignRevision revision() {
            return new CampaignRevision(campaign.id(), campaign.kind(), campaign.title(), latest.revision());
        }
    }

    /** A campaign of the jurisdiction, or null (another jurisdiction's, or none). */
    Campaign campaignOf(String jurisdictionCode, long id) {
        try {
            Campaign c = campaigns.get(AssessmentAccess.PLATFORM, id);
            return c.jurisdictionCode().equals(jurisdictionCode) ? c : null;
        } catch (SupervisionException e) {
            return null;
        }
    }

    List<Published> published(String jurisdictionCode, int year) {
        List<Published> out = new ArrayList<>();
        for (Campaign c : campaigns.list(AssessmentAccess.PLATFORM, jurisdictionCode, CampaignState.PUBLISHED)) {
            if (!c.jurisdictionCode().equals(jurisdictionCode) || c.period().year() != year) {
                continue;
            }
            List<ResultRevision> revisions = campaigns.revisions(AssessmentAccess.PLATFORM, c.id());
            if (!revisions.isEmpty()) {
                out.add(new Published(c, revisions.get(revisions.size() - 1), revisions.get(0).at()));
            }
        }
        return out;
    }

    /** The special campaigns among the published ones, at their latest result revision: what {@link ItemRules} derives from. */
    static List<SpecialResults> specials(List<Published> published) {
        return published.stream().filter(p -> p.campaign().kind() == CampaignKind.SPECIAL)
                .map(p -> new SpecialResults(p.campaign(), p.latest().revision(), p.latest().results())).toList();
    }
}
