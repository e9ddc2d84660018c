package cn.supervision.api.campaign;

import java.math.BigDecimal;

/**
 * One leaf a duty-driven indicator was expanded into for one target unit when the campaign started collecting (the
 * expansion is frozen with the campaign: later mandate revisions do not change it). {@code templateCode} is the
 * indicator that declared the duty-driven part, {@code code} the leaf's own code ({@code templateCode-dutyNumber}),
 * {@code share} its percentage of the template indicator. {@code score} and {@code max} are the leaf's current score on
 * the template's scale (null while no input is recorded: the duty is then not assessed yet).
 */
public record DutyLeaf(long campaignId, long unitId, String templateCode, String code, long dutyId, int dutyNumber,
                       String dutyText, cn.supervision.api.registry.DutyType dutyType, BigDecimal share,
                       BigDecimal score, BigDecimal max) {

    public boolean assessed() {
        return score != null;
    }
}
