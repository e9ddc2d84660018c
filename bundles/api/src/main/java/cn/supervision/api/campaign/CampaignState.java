package cn.supervision.api.campaign;

import java.util.Set;

/** DRAFT → COLLECTING → SCORING → PUBLISHED; SCORING may go back to COLLECTING. Every transition is recorded. */
public enum CampaignState {
    DRAFT, COLLECTING, SCORING, PUBLISHED;

    public Set<CampaignState> next() {
        return switch (this) {
            case DRAFT -> Set.of(COLLECTING);
            case COLLECTING -> Set.of(SCORING);
            case SCORING -> Set.of(COLLECTING, PUBLISHED);
            case PUBLISHED -> Set.of();
        };
    }
}
