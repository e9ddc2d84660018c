package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.PreparedSystem;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.InputEntity;

/**
 * Live results of the campaigns being collected and scored, kept per campaign ({@link CampaignScores}). Recording an
 * input marks only its unit for rescoring; the next request scores that unit against the prepared pinned system and
 * moves its row in the ranking.
 */
final class ResultsBook {
    private static final Caller SCORING = Caller.system("scoring");

    /**
     * Campaigns kept in memory: a province's campaign is some 40 000 inputs and 1 000 scored units (tens of MB), and a
     * finished campaign is read from its published revision, so only the few being collected or scored need to stay.
     */
    static final int CACHED_CAMPAIGNS = 16;
    /** A campaign nobody has asked about for this long is dropped; the next request rebuilds it from the database. */
    static final Duration IDLE = Duration.ofHours(2);
    /** Up to this many stale units are looked up one by one; more, and the jurisdiction's units are listed once. */
    static final int LOOKUPS = 8;

    private final Cache<Long, CampaignScores> caches;
    private final Map<Long, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final UnitSystems views;
    private final Records records;
    private final List<Scoring.Band> gradeBands;

    ResultsBook(JpaTemplate jpa, RegistryService registry, UnitSystems views, Records records, List<Scoring.Band> gradeBands) {
        this(jpa, registry, views, records, gradeBands, CACHED_CAMPAIGNS, Ticker.systemTicker());
    }

    /** Tests bound the cache and move its time. */
    ResultsBook(JpaTemplate jpa, RegistryService registry, UnitSystems views, Records records, List<Scoring.Band> gradeBands,
                int campaigns, Ticker ticker) {
        this.caches = Caffeine.newBuilder().maximumSize(campaigns).expireAfterAccess(IDLE).ticker(ticker).executor(Runnable::run).build();
        this.jpa = jpa;
        this.registry = registry;
        this.views = views;
        this.records = records;
        this.gradeBands = gradeBands;
    }

    /** The ranked results of the target units the caller sees; gaps above {@code gapThreshold} (default 20) flagged. */
    List<UnitResult> compute(Caller caller, Campaign c, BigDecimal gapThreshold) {
        BigDecimal threshold = gapThreshold == null ? BigDecimal.valueOf(20) : gapThreshold;
        Set<Long> visible = new HashSet<>();
        registry.listUnits(caller, c.jurisdictionCode(), true).forEach(u -> visible.add(u.id()));
        List<UnitResult> ranked = ranked(c);
        List<UnitResult> out = new ArrayList<>(ranked.size());
        for (UnitResult r : ranked) {
            if (visible.contains(r.unitId())) {
                boolean flagged = r.gap() != null && r.gap().compareTo(threshold) > 0;
                out.add(new UnitResult(r.unitId(), r.unitName(), r.unitKind(), r.systemId(), r.total(), r.grade(), r.dutyView(),
                        r.corroborationView(), r.gap(), flagged, r.rank(), r.rankInKind(), r.missingInputs(),
                        flagged ? r.gapDrivers() : List.of(), r.evaluation()));
            }
        }
        return out;
    }

    /** The ranking from the cache, after rescoring the target units whose inputs changed since they were last scored. */
    private List<UnitResult> ranked(Campaign c) {
        CampaignScores scores = cache(c);
        synchronized (scores) {
            List<Long> dirty = new ArrayList<>();
            for (Long unitId : c.targetUnitIds()) {
                if (!scores.isScored(unitId)) {
                    dirty.add(unitId);
                }
            }
            if (!dirty.isEmpty()) {
                rescore(c, scores, dirty);
            }
            return scores.ranking();
        }
    }

    private void rescore(Campaign c, CampaignScores scores, List<Long> dirty) {
        Map<Long, List<DutyRecord>> frozen = views.duties(c);
        Set<Category> used = c.categories();
        for (Unit u : units(c, dirty)) {
            Long systemId = c.systems().get(u.kind());
            if (systemId != null) {
                PreparedSystem system = views.prepared(systemId);
                Evaluation e = system.evaluate(scores.inputs.getOrDefault(u.id(), Map.of()), frozen.get(u.id()));
                scores.scored(score(u, systemId, e, used));
            }
        }
    }

    /** The registry's record of each of {@code ids} in the campaign's jurisdiction, in the order of {@code ids}. */
    private List<Unit> units(Campaign c, List<Long> ids) {
        Map<Long, Unit> found = new HashMap<>();
        if (ids.size() <= LOOKUPS) {
            for (Long id : ids) {
                try {
                    Unit u = registry.getUnit(SCORING, id);
                    if (u.jurisdictionCode().equals(c.jurisdictionCode())) {
                        found.put(id, u);
                    }
                } catch (SupervisionException e) {
                    if (e.kind() != ProblemKind.NOT_FOUND) {
                        throw e;
                    }
                }
            }
        } else {
            registry.listUnits(SCORING, c.jurisdictionCode(), true).forEach(u -> found.put(u.id(), u));
        }
        return ids.stream().map(found::get).filter(u -> u != null).toList();
    }

    private UnitResult score(Unit u, long systemId, Evaluation e, Set<Category> used) {
        BigDecimal total = Scoring.total(e, used);
        BigDecimal duty = Scoring.view(e, used, Dimension.DUTY);
        BigDecimal corroboration = Scoring.view(e, used, Dimension.CORROBORATION);
        BigDecimal gap = Scoring.gap(e, used);
        int missing = (int) e.warnings().stream().filter(w -> w.contains("按 0 分计")).count();
        return new UnitResult(u.id(), u.name(), u.kind().name(), systemId, total, Scoring.grade(total, e.topGradeBarred(), gradeBands),
                duty, corroboration, gap, false, 0, 0, missing, Scoring.gapDrivers(e, used, duty, corroboration), e);
    }

    /** Per unit, the codes it has an input for that counts (self-reports once accepted). */
    Map<Long, Set<String>> answered(Campaign c) {
        CampaignScores scores = cache(c);
        Map<Long, Set<String>> out = new HashMap<>();
        synchronized (scores) {
            scores.inputs.forEach((unitId, codes) -> out.put(unitId, Set.copyOf(codes.keySet())));
        }
        return out;
    }

    /**
     * The campaign's scoring state, caught up with inputs written behind its back (by another node, a restore, or a
     * writer on this one whose rows are committed and not yet handed over). Building it and handing rows over take the
     * campaign's lock: a row committed while the state is built is either read by it or handed over to it afterwards,
     * never to a state about to be replaced.
     */
    CampaignScores cache(Campaign c) {
        long campaignId = c.id();
        // the newest input of all is read off the primary key's index; only when it moved is this campaign's own looked up
        long any = orZero(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select max(i.id) from InputEntity i", Long.class).getSingleResult()));
        CampaignScores cache = caches.getIfPresent(campaignId);
        if (cache != null && cache.seenAnyInputId == any) {
            return cache;
        }
        synchronized (lock(campaignId)) {
            cache = caches.getIfPresent(campaignId);
            if (cache == null) {
                cache = new CampaignScores(c.workingGroup());
                absorbInto(cache, rowsAfter(campaignId, 0));
                caches.put(campaignId, cache);
            } else {
                long last = orZero(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select max(i.id) from InputEntity i where i.campaignId = :c", Long.class).setParameter("c", campaignId)
                        .getSingleResult()));
                if (last > cache.lastInputId) {
                    absorbInto(cache, rowsAfter(campaignId, cache.lastInputId));
                }
            }
            cache.seenAnyInputId = Math.max(cache.seenAnyInputId, any);
            return cache;
        }
    }

    /** The campaign's inputs above {@code id} in id order, as columns: nothing of 40 000 rows is tracked or kept. */
    private List<InputRow> rowsAfter(long campaignId, long id) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select " + InputRow.COLUMNS
                        + " from InputEntity i where i.campaignId = :c and i.id > :id order by i.id", Object[].class)
                .setParameter("c", campaignId).setParameter("id", id).getResultList().stream().map(InputRow::of).toList());
    }

    /** One monitor per campaign for building its state and handing rows over (a few bytes per campaign ever scored). */
    private Object lock(long campaignId) {
        return locks.computeIfAbsent(campaignId, k -> new Object());
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    /** Campaigns held in memory now. */
    long cachedCampaigns() {
        caches.cleanUp();
        return caches.estimatedSize();
    }

    /** Hands recorded inputs over to the campaign's state, if kept; the units touched are rescored on the next request. */
    void absorb(long campaignId, List<InputEntity> rows) {
        synchronized (lock(campaignId)) {
            CampaignScores cache = caches.getIfPresent(campaignId);
            if (cache != null) {
                absorbInto(cache, InputRow.of(rows)); // else built from the database on first use (or again after eviction)
            }
        }
    }

    private void absorbInto(CampaignScores cache, List<InputRow> rows) {
        synchronized (cache) {
            for (InputRow i : rows) {
                cache.lastInputId = Math.max(cache.lastInputId, i.id());
                // as blind to another node's older rows of this campaign as lastInputId is: newer ones still move the max
                cache.seenAnyInputId = Math.max(cache.seenAnyInputId, i.id());
                if (i.review() != ReviewStatus.ACCEPTED) {
                    continue; // a self-report counts once the office accepted it
                }
                cache.merge(i, records.input(i.inputJson()));
                cache.unscored(i.unitId());
            }
        }
    }
}
