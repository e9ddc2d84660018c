package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.assessment.internal.ItemRules.Derived;
import cn.supervision.assessment.internal.model.ItemEntity;

/**
 * The stored items of a jurisdiction's year against what the mapping derives now ({@link ItemRules}): stored in line
 * ({@link #reconcile}, by the jurisdiction's own office, under the {@link AssessmentLock}) or merged for a reader
 * without writing anything ({@link #merged}). Both work in the caller's transaction.
 */
final class Reconciliation {
    private Reconciliation() {
    }

    private static List<ItemEntity> storedInForce(EntityManager em, String jurisdictionCode, int year) {
        return em.createQuery("select i from ItemEntity i where i.jurisdictionCode = :j and i.year = :y"
                        + " and i.state <> :s order by i.id", ItemEntity.class).setParameter("j", jurisdictionCode).setParameter("y", year)
                .setParameter("s", ItemState.SUPERSEDED).getResultList();
    }

    private static boolean unchanged(ItemEntity old, Derived d) {
        return old.getResultRevision() == d.resultRevision() && old.getKind() == d.kind()
                && new BigDecimal(old.getPoints()).compareTo(d.points()) == 0 && old.getReason().equals(d.reason());
    }

    /**
     * What {@link #reconcile} would make of the items, computed without writing anything: a stored item derived again
     * unchanged as stored (its state and decision), any other derived item as a PROPOSED item with id 0 (not stored),
     * after the stored ones in the order reconciliation would store them.
     */
    static List<AssessmentItem> merged(EntityManager em, String jurisdictionCode, int year, int mappingRevision,
                                       List<Derived> derived) {
        Map<String, ItemEntity> byKey = new HashMap<>();
        storedInForce(em, jurisdictionCode, year).forEach(i -> byKey.put(i.getCampaignId() + "/" + i.getUnitId() + "/" + i.getRuleNumber(), i));
        List<ItemEntity> kept = new ArrayList<>();
        List<AssessmentItem> proposed = new ArrayList<>();
        for (Derived d : derived) {
            ItemEntity old = byKey.get(d.key());
            if (old != null && unchanged(old, d)) {
                kept.add(old);
            } else {
                proposed.add(new AssessmentItem(0, jurisdictionCode, year, d.unitId(), d.unitName(), d.campaignId(), d.campaignTitle(),
                        d.resultRevision(), mappingRevision, d.ruleNumber(), d.kind(), d.points(), d.reason(), ItemState.PROPOSED,
                        null, null, null));
            }
        }
        List<AssessmentItem> out = new ArrayList<>(kept.stream().sorted(Comparator.comparingLong(ItemEntity::getId))
                .map(Reconciliation::toValue).toList());
        out.addAll(proposed);
        return out;
    }

    /**
     * Brings the stored items in force in line with what the mapping derives now: an item derived again unchanged
     * (same result revision, kind, points and reason) keeps its state and decision; one derived differently is
     * superseded by a new PROPOSED item; one no longer derived is superseded. Returns the items in force.
     */
    static List<AssessmentItem> reconcile(EntityManager em, String jurisdictionCode, int year, int mappingRevision,
                                          List<Derived> derived, Instant now) {
        List<ItemEntity> inForce = storedInForce(em, jurisdictionCode, year);
        Map<String, ItemEntity> byKey = new HashMap<>();
        inForce.forEach(i -> byKey.put(i.getCampaignId() + "/" + i.getUnitId() + "/" + i.getRuleNumber(), i));
        List<ItemEntity> out = new ArrayList<>();
        for (Derived d : derived) {
            ItemEntity old = byKey.remove(d.key());
            if (old != null && unchanged(old, d)) {
                out.add(old);
                continue;
            }
            if (old != null) {
                old.setState(ItemState.SUPERSEDED);
            }
            ItemEntity e = new ItemEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setYear(year);
            e.setUnitId(d.unitId());
            e.setUnitName(d.unitName());
            e.setCampaignId(d.campaignId());
            e.setCampaignTitle(d.campaignTitle());
            e.setResultRevision(d.resultRevision());
            e.setMappingRevision(mappingRevision);
            e.setRuleNumber(d.ruleNumber());
            e.setKind(d.kind());
            e.setPoints(d.points().toPlainString());
            e.setReason(d.reason());
            e.setState(ItemState.PROPOSED);
            e.setCreatedAt(now.toEpochMilli());
            em.persist(e);
            out.add(e);
        }
        byKey.values().forEach(i -> i.setState(ItemState.SUPERSEDED));
        em.flush();
        return out.stream().sorted(Comparator.comparingLong(ItemEntity::getId)).map(Reconciliation::toValue).toList();
    }

    static AssessmentItem toValue(ItemEntity e) {
        return new AssessmentItem(e.getId(), e.getJurisdictionCode(), e.getYear(), e.getUnitId(), e.getUnitName(), e.getCampaignId(),
                e.getCampaignTitle(), e.getResultRevision(), e.getMappingRevision(), e.getRuleNumber(), e.getKind(),
                new BigDecimal(e.getPoints()), e.getReason(), e.getState(), e.getDecidedBy(),
                e.getDecidedAt() == null ? null : Instant.ofEpochMilli(e.getDecidedAt()), e.getNote());
    }
}
