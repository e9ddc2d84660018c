package cn.supervision.api.campaign;

import java.time.Instant;

/** One recorded change of a campaign's state: who, when, why. */
public record Transition(CampaignState from, CampaignState to, String reason, String by, Instant at) {
}
