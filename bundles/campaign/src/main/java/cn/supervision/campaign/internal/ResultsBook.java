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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.InputEntity;

/**
 * Live results of the campaigns being collected and scored, kept per campaign ({@link CampaignScores}). Recording an
 * input marks only its unit for rescoring; the next request scores that unit against the prepared pinned system and
 * moves its row in the ranking.
 */
final class ResultsBook {
    /**
     * Campaigns kept in memory: a province's campaign is some 40 000 inputs and 1 000 scored units (tens of MB), and a
     * finished campaign is read from its published revision, so only the few being collected or scored need to stay.
     */
    static final int CACHED_CAMPAIGNS = 16;
    /** A campaign nobody has asked about for this long is dropped; the next request rebuilds it from the database. */
    static final Duration IDLE = Duration.ofHours(2);

    private final Cache<Long, CampaignScores> caches;
    private final Map<Long, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * What a stored result depends on besides the inputs and the registry: the arithmetic (bump the revision when it
     * changes), the grade bands and the code of the campaign and indicator bundles ({@link #codeVersions()}). A snapshot
     * written under another is recomputed; the registry's part is checked unit by unit on restore.
     */
    static final String SCORING_REVISION = "1";

    private final CampaignInputs inputs;
    private final ResultSnapshots snapshots;
    private final String scoringKey;
    private final RegistryService registry;
    private final Rescoring rescoring;
    private final Records records;

    ResultsBook(JpaTemplate jpa, RegistryService registry, UnitSystems views, Records records, List<Scoring.Band> gradeBands) {
        this(jpa, registry, views, records, gradeBands, CACHED_CAMPAIGNS, Ticker.systemTicker());
    }

    /** Tests bound the cache and move its time. */
    ResultsBook(JpaTemplate jpa, RegistryService registry, UnitSystems views, Records records, List<Scoring.Band> gradeBands,
                int campaigns, Ticker ticker) {
        this.caches = Caffeine.newBuilder().maximumSize(campaigns).expireAfterAccess(IDLE).ticker(ticker).executor(Runnable::run).build();
        this.inputs = new CampaignInputs(jpa);
        this.snapshots = new ResultSnapshots(jpa, records);
        this.scoringKey = SCORING_REVISION + " " + gradeBands + " " + codeVersions();
        this.registry = registry;
        this.rescoring = new Rescoring(registry, views, records, inputs, gradeBands);
        this.records = records;
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
                rescoring.rescore(c, scores, dirty);
                List<UnitResult> rescored = scores.takeUnsaved();
                if (!rescored.isEmpty()) {
                    snapshots.save(c.id(), scores.version, scoringKey, rescored);
                }
            }
            return scores.ranking(threshold);
        }
    }

    /** The campaign's input version now: results computed after reading it are at least that version's. */
    long inputVersion(long campaignId) {
        return inputs.version(campaignId);
    }

    /** Per unit, the codes it has an input for that counts (self-reports once accepted). */
    Map<Long, Set<String>> answered(Campaign c) {
        CampaignScores scores = cache(c);
        Map<Long, Set<String>> out = new HashMap<>();
        synchronized (scores) {
            if (!scores.hasAllInputs()) {
                rescoring.mergeInputs(c.id(), scores, null);
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
                    rescoring.recheck(c, cache, kept);
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

    /**
     * The versions of the bundles whose code scores: this one and the one registering the indicator service (it
     * evaluates). Outside OSGi (unit tests) a constant.
     */
    static String codeVersions() {
        Bundle campaign = FrameworkUtil.getBundle(ResultsBook.class);
        BundleContext context = campaign == null ? null : campaign.getBundleContext();
        if (context == null) {
            return "unbundled";
        }
        ServiceReference<IndicatorSystemService> ref = context.getServiceReference(IndicatorSystemService.class);
        Bundle indicator = ref == null ? null : ref.getBundle();
        return "campaign " + campaign.getVersion() + " indicator " + (indicator == null ? "?" : indicator.getVersion());
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

    /** Writes the queued snapshot now (the benchmark, between its phases). */
    void flushSnapshots() {
        snapshots.flush();
    }

    /** Stops the snapshot writer once what is queued is written. */
    void close() {
        snapshots.close();
    }
}
