package cn.supervision.campaign.internal;

import javax.persistence.EntityManager;

import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.problem.SupervisionException;

/**
 * Moves a campaign from one state to the next as the first statement of the transition's transaction. A conditional
 * UPDATE takes the row lock and re-checks the state under it, so of two simultaneous transitions from the same state
 * exactly one wins; the other waits for it to commit, finds the state gone and is told 409 before writing anything
 * (without it both passed the check, and the second start failed on the frozen duties' primary key with a 500).
 */
final class StateClaim {
    private StateClaim() {
    }

    static void claim(EntityManager em, long campaignId, CampaignState from, CampaignState to) {
        // plain SQL: OpenJPA writes the JPQL form as "id IN (SELECT DISTINCT ...)", whose state check Derby may read
        // before the other transition's lock and never re-check, so both passed (CampaignStartTest)
        int moved = em.createNativeQuery("UPDATE SV_CAMPAIGN SET STATE = ? WHERE ID = ? AND STATE = ?")
                .setParameter(1, to.name()).setParameter(2, campaignId).setParameter(3, from.name()).executeUpdate();
        if (moved == 0) {
            throw SupervisionException.conflict("监管活动状态已被他人修改，请刷新");
        }
    }
}
