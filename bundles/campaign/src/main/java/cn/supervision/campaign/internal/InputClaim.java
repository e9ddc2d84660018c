package cn.supervision.campaign.internal;

import javax.persistence.EntityManager;

import cn.supervision.api.campaign.CampaignState;

/**
 * The first statement of every transaction that changes what counts for scoring: it takes the campaign row's lock
 * (which a transition's {@link StateClaim} takes too, so the two are ordered), re-checks the state under it, and
 * bumps the campaign's input version. Such transactions are serialised per campaign, so versions are gap-free and in
 * commit order: state derived from "the inputs up to version v" is exact on any node sharing the database.
 */
final class InputClaim {
    private InputClaim() {
    }

    /** The version this transaction writes at; 0 when the campaign is in none of the {@code open} states. */
    static long claim(EntityManager em, long campaignId, CampaignState... open) {
        // plain SQL for the reason given in StateClaim
        StringBuilder sql = new StringBuilder("UPDATE SV_CAMPAIGN SET INPUTVERSION = COALESCE(INPUTVERSION, 0) + 1 WHERE ID = ? AND STATE IN (");
        for (int i = 0; i < open.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        var q = em.createNativeQuery(sql.append(')').toString()).setParameter(1, campaignId);
        for (int i = 0; i < open.length; i++) {
            q.setParameter(i + 2, open[i].name());
        }
        if (q.executeUpdate() == 0) {
            return 0; // the caller words the refusal
        }
        return current(em, campaignId);
    }

    /** The campaign's input version as this transaction sees it (0 before its first input). */
    static long current(EntityManager em, long campaignId) {
        Number v = (Number) em.createNativeQuery("SELECT INPUTVERSION FROM SV_CAMPAIGN WHERE ID = ?").setParameter(1, campaignId)
                .getSingleResult();
        return v == null ? 0 : v.longValue();
    }
}
