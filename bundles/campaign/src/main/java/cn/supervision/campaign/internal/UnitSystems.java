package cn.supervision.campaign.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.PreparedSystem;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.CampaignDutyEntity;
import cn.supervision.campaign.internal.model.DutyLeafEntity;

/**
 * Each target unit's view of the campaign's system: the version pinned for its kind, its duty-driven indicators expanded
 * into the duties frozen when collection started. Everything that names a unit's indicator codes (inputs, coverage,
 * self-report scope, scoring) asks here, so a unit reports against and is scored on the same leaves.
 */
final class UnitSystems {
    private final JpaTemplate jpa;
    private final IndicatorSystemService systems;
    /** Campaigns whose frozen duties are kept in memory (a province's campaign holds some 15 000). */
    static final int CACHED_CAMPAIGNS = 8;
    /**
     * Per campaign: unit id → frozen duties, the most recently used campaigns only. The rows are written in the start
     * transaction and never changed afterwards, so they are safe to keep once read in a started campaign; a DRAFT is
     * never kept, since its answer (nothing) stops being true the moment it starts.
     */
    private final Map<Long, Map<Long, List<DutyRecord>>> frozen = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Map<Long, List<DutyRecord>>> eldest) {
                    return size() > CACHED_CAMPAIGNS;
                }
            });
    /** Systems prepared for scoring, by version: the few pinned by the campaigns in progress. */
    static final int CACHED_SYSTEMS = 32;
    /**
     * Pinned versions are published, and a published version's definition never changes: one read and validation per
     * version serves every input and every unit scored against it.
     */
    private final Cache<Long, PreparedSystem> prepared = Caffeine.newBuilder().maximumSize(CACHED_SYSTEMS)
            .executor(Runnable::run).build();

    UnitSystems(JpaTemplate jpa, IndicatorSystemService systems) {
        this.jpa = jpa;
        this.systems = systems;
    }

    /** The frozen duties of every target unit that has some; empty before collection. */
    Map<Long, List<DutyRecord>> duties(Campaign c) {
        // a DRAFT has frozen nothing yet; the start commits its state and its rows together, so any later state has them
        if (c.targetUnitIds() == null || c.state() == CampaignState.DRAFT) {
            return Map.of();
        }
        Map<Long, List<DutyRecord>> kept = frozen.get(c.id());
        if (kept == null) {
            kept = load(c.id()); // outside the lock: two readers may both load, the rows are the same
            frozen.put(c.id(), kept);
        }
        return kept;
    }

    /**
     * Drops what is kept of a campaign once one of its transitions has committed. The DRAFT rule above already keeps
     * nothing stale; this makes a transition the point after which nothing read before it is trusted, whichever
     * transition comes to write rows in the future.
     */
    void forget(long campaignId) {
        frozen.remove(campaignId);
    }

    List<DutyRecord> duties(Campaign c, long unitId) {
        return duties(c).getOrDefault(unitId, List.of());
    }

    private Map<Long, List<DutyRecord>> load(long campaignId) {
        List<CampaignDutyEntity> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select d from CampaignDutyEntity d where d.campaignId = :c order by d.unitId, d.dutyNumber", CampaignDutyEntity.class)
                .setParameter("c", campaignId).getResultList());
        Map<Long, List<DutyRecord>> byUnit = new HashMap<>();
        for (CampaignDutyEntity d : rows) {
            byUnit.computeIfAbsent(d.getUnitId(), k -> new ArrayList<>()).add(new DutyRecord(d.getDutyId(), d.getUnitId(), null, null,
                    null, null, d.getDutyNumber(), d.getDutyText(), d.getDutyType(), DutyStatus.ACTIVE, List.of(), 0, null, null));
        }
        byUnit.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(byUnit);
    }

    /** The pinned definition as the platform reads it (a published version never changes). */
    SystemDefinition pinned(long systemId) {
        return prepared(systemId).definition();
    }

    /** The pinned version read and validated once, to score unit after unit. */
    PreparedSystem prepared(long systemId) {
        return prepared.get(systemId, id -> systems.prepare(Caller.system("campaign"), id));
    }

    /** The unit's view; null when its kind has no pinned system. */
    SystemDefinition view(Campaign c, Unit u) {
        Long systemId = c.systems().get(u.kind());
        return systemId == null ? null : view(c, u.id(), pinned(systemId));
    }

    /** {@code pinned} as unit {@code unitId} of {@code c} sees it. */
    SystemDefinition view(Campaign c, long unitId, SystemDefinition pinned) {
        List<DutyRecord> duties = duties(c, unitId);
        return duties.isEmpty() ? pinned : systems.expandForDuties(pinned, duties);
    }

    /** The frozen leaves of the campaign (one unit's when {@code unitId} is given), by unit then template and duty number. */
    List<DutyLeafEntity> leaves(long campaignId, Long unitId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select l from DutyLeafEntity l where l.campaignId = :c" + (unitId == null ? "" : " and l.unitId = :u")
                    + " order by l.unitId, l.templateCode, l.dutyNumber", DutyLeafEntity.class).setParameter("c", campaignId);
            if (unitId != null) {
                q.setParameter("u", unitId);
            }
            return q.getResultList();
        });
    }
}
