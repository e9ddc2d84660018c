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
        int moved = em.createQuery("update CampaignEntity c set c.state = :to where c.id = :id and c.state = :from")
                .setParameter("to", to).setParameter("id", campaignId).setParameter("from", from).executeUpdate();
        if (moved == 0) {
            throw SupervisionException.conflict("监管活动状态已被他人修改，请刷新");
        }
    }
}
