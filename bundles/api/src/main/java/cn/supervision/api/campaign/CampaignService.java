package cn.supervision.api.campaign;

import java.util.List;

import cn.supervision.api.security.Caller;

/** Supervision campaigns: planning, state transitions with history, rolling into the next period. */
public interface CampaignService {

    /** Campaigns of the jurisdictions the caller sees; filters apply when not null. */
    List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state);

    Campaign get(Caller caller, long id);

    Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft);

    /** Replaces a DRAFT's plan (409 after collection started). */
    Campaign update(Caller caller, long id, CampaignDraft draft);

    /**
     * Moves the campaign on (see {@link CampaignState#next()}); the reason is mandatory. Starting collection fixes the
     * target units and needs a pinned system for every target unit's kind (409 naming the kinds missing).
     */
    Campaign transition(Caller caller, long id, CampaignState to, String reason);

    List<Transition> history(Caller caller, long id);

    /** A routine campaign rolls into the next period: a new DRAFT with the same plan. */
    Campaign rollover(Caller caller, long id);
}
