package cn.supervision.api.assessment;

import cn.supervision.api.campaign.CampaignKind;

/** A published campaign and the result revision an export used. */
public record CampaignRevision(long campaignId, CampaignKind kind, String title, int revision) {
}
