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
    /**
     * What a stored result depends on besides the inputs: the arithmetic (bump the revision when it changes) and the
     * grade bands. A snapshot written under another is recomputed.
     */
    static final String SCORING_REVISION = "1";

    private final CampaignInputs inputs;
    private final ResultSnapshots snapshots;
    private final String scoringKey;
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
        this.inputs = new CampaignInputs(jpa);
        this.snapshots = new ResultSnapshots(jpa, records);
        this.scoringKey = SCORING_REVISION + " " + gradeBands;
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
        List<UnitResult> ranked = ranked(c, threshold);
        List<UnitResult> out = new ArrayList<>(ranked.size());
        for (UnitResult r : ranked) {
            if (visible.contains(r.unitId())) {
                out.add(r);
            }
        }
        return out;
    }

    /** The ranking from the cache, after rescoring the target units whose inputs changed since they were last scored. */
    private List<UnitResult> ranked(Campaign c, BigDecimal threshold) {
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
                List<UnitResult> rescored = scores.takeUnsaved();
                if (!rescored.isEmpty()) {
                    snapshots.save(c.id(), scores.version, scoringKey, rescored, () -> {
                        synchronized (scores) {
                            scores.unsaveAll();
                        }
                    });
                }
            }
            return scores.ranking(threshold);
        }
    }

    private void rescore(Campaign c, CampaignScores scores, List<Long> dirty) {
        if (!scores.hasAllInputs()) {
            mergeInputs(c.id(), scores, dirty.size() > LOOKUPS ? null : dirty);
        }
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

    /**
     * Merges the inputs a state restored from the snapshot has not read yet: of the given units, or of all when
     * {@code unitIds} is null. Merging is by id, so rows already handed over count once.
     */
    private void mergeInputs(long campaignId, CampaignScores scores, List<Long> unitIds) {
        if (unitIds == null) {
            inputs.upTo(campaignId, scores.version).forEach(i -> merge(scores, i));
            scores.inputsMerged(null);
            return;
        }
        for (Long unitId : unitIds) {
            if (!scores.hasInputsOf(unitId)) {
                inputs.ofUnit(campaignId, unitId, scores.version).forEach(i -> merge(scores, i));
                scores.inputsMerged(unitId);
            }
        }
    }

    private void merge(CampaignScores scores, InputRow i) {
        if (i.review() == ReviewStatus.ACCEPTED) {
            scores.merge(i, records.input(i.inputJson()));
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
            if (!scores.hasAllInputs()) {
                mergeInputs(c.id(), scores, null);
            }
            scores.inputs.forEach((unitId, codes) -> out.put(unitId, Set.copyOf(codes.keySet())));
        }
        return out;
    }

    /**
     * The campaign's scoring state at its current input version, caught up with inputs written behind its back (by
     * another node, a restore, or a writer on this one whose rows are committed and not yet handed over). Each read is
     * bounded by the version read first, so the state is exactly that version's. A new state starts from the snapshot
     * when it is that version's. Building it and handing rows over take the campaign's lock.
     */
    CampaignScores cache(Campaign c) {
        long campaignId = c.id();
        long version = inputs.version(campaignId);
        CampaignScores cache = caches.getIfPresent(campaignId);
        if (cache != null && cache.version >= version) {
            return cache;
        }
        synchronized (lock(campaignId)) {
            cache = caches.getIfPresent(campaignId);
            if (cache == null) {
                cache = new CampaignScores(c.workingGroup());
                List<UnitResult> kept = snapshots.load(campaignId, version, scoringKey);
                if (kept != null) {
                    cache.restore(kept, version);
                } else {
                    absorbInto(cache, inputs.upTo(campaignId, version), version);
                }
                caches.put(campaignId, cache);
            } else if (cache.version < version) {
                absorbInto(cache, inputs.between(campaignId, cache.version, version), version);
            }
            return cache;
        }
    }

    /** One monitor per campaign for building its state and handing rows over (a few bytes per campaign ever scored). */
    private Object lock(long campaignId) {
        return locks.computeIfAbsent(campaignId, k -> new Object());
    }

    /** Campaigns held in memory now. */
    long cachedCampaigns() {
        caches.cleanUp();
        return caches.estimatedSize();
    }

    /**
     * Hands rows written (or reviewed) in one transaction over to the campaign's state, if kept; the units touched are
     * rescored on the next request. Only the version right after the state's is taken: an earlier transaction's rows
     * not yet handed over would be skipped, so the state is left to catch up on both from the database.
     */
    void absorb(long campaignId, List<InputEntity> rows) {
        Long version = rows.get(0).getInputVersion();
        synchronized (lock(campaignId)) {
            CampaignScores cache = caches.getIfPresent(campaignId);
            if (cache != null && version != null && version == cache.version + 1) {
                absorbInto(cache, InputRow.of(rows), version);
            }
        }
    }

    private void absorbInto(CampaignScores cache, List<InputRow> rows, long version) {
        synchronized (cache) {
            for (InputRow i : rows) {
                if (i.review() != ReviewStatus.ACCEPTED) {
                    continue; // a self-report counts once the office accepted it
                }
                if (cache.hasInputsOf(i.unitId())) {
                    cache.merge(i, records.input(i.inputJson()));
                }
                cache.unscored(i.unitId());
            }
            cache.version = Math.max(cache.version, version);
        }
    }

    /** Stops the snapshot writer once what is queued is written. */
    void close() {
        snapshots.close();
    }
}
