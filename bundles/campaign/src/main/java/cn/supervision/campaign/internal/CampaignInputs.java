package cn.supervision.campaign.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A campaign's recorded inputs as scoring reads them, by input version: every read is bounded by the version the
 * caller read first, so what it builds is exactly "the inputs at that version" (rows from before versions existed
 * belong to every version).
 */
final class CampaignInputs {
    private final JpaTemplate jpa;

    CampaignInputs(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** The campaign's input version now (0 before its first input, or for a campaign that does not exist). */
    long version(long campaignId) {
        List<Long> v = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select c.inputVersion from CampaignEntity c where c.id = :c", Long.class).setParameter("c", campaignId).getResultList());
        return v.isEmpty() || v.get(0) == null ? 0 : v.get(0);
    }

    /** All inputs at {@code version}, in id order, as columns: nothing of 40 000 rows is tracked or kept. */
    List<InputRow> upTo(long campaignId, long version) {
        return rows("i.campaignId = :c and (i.inputVersion is null or i.inputVersion <= :v)", campaignId, null, version);
    }

    /** The rows written or reviewed after {@code after}, up to {@code version}. */
    List<InputRow> between(long campaignId, long after, long version) {
        return rows("i.campaignId = :c and i.inputVersion > :a and i.inputVersion <= :v", campaignId, after, version);
    }

    /** One unit's inputs at {@code version}. */
    List<InputRow> ofUnit(long campaignId, long unitId, long version) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select " + InputRow.COLUMNS + " from InputEntity i"
                        + " where i.campaignId = :c and i.unitId = :u and (i.inputVersion is null or i.inputVersion <= :v) order by i.id",
                        Object[].class).setParameter("c", campaignId).setParameter("u", unitId).setParameter("v", version)
                .getResultList().stream().map(InputRow::of).toList());
    }

    private List<InputRow> rows(String where, long campaignId, Long after, long version) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select " + InputRow.COLUMNS + " from InputEntity i where " + where + " order by i.id", Object[].class)
                    .setParameter("c", campaignId).setParameter("v", version);
            if (after != null) {
                q.setParameter("a", after);
            }
            return q.getResultList().stream().map(InputRow::of).toList();
        });
    }
}
