package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.InputEntity;

/**
 * Live results of the campaigns being collected and scored, kept per campaign: the merged inputs of every unit and the
 * last result of each unit whose inputs have not changed since. Recording an input marks only its unit for rescoring.
 */
final class ResultsBook {
    /**
     * What scoring a campaign needs, kept current. {@code lastInputId} detects inputs written by anyone else (another
     * node, a restore): then everything is rebuilt.
     */
    static final class ScoringCache {
        /** Evaluators are scored under a pseudonym (评价人1, 2 … in working-group order): results never name them. */
        final Map<String, String> pseudonyms;
        final Map<Long, Map<String, IndicatorInput>> inputs = new HashMap<>();
        final Map<String, Map<String, IndicatorInput.Grade>> grades = new HashMap<>();
        final Map<Long, UnitResult> scored = new HashMap<>();
        /** The ranking of {@code scored}; null once a unit is to be rescored. */
        List<UnitResult> ranking;
        long lastInputId;
        /** The highest input id of any campaign when this one was last found current: unchanged means nothing new. */
        volatile long seenAnyInputId = -1;

        ScoringCache(List<Member> workingGroup) {
            pseudonyms = CampaignAccess.pseudonyms(workingGroup);
        }

        String pseudonym(String evaluator) {
            return pseudonyms.getOrDefault(evaluator, "评价人");
        }
    }

    private static final Caller SCORING = Caller.system("scoring");

    /**
     * Campaigns kept in memory: a province's campaign is some 40 000 inputs and 1 000 scored units (tens of MB), and a
     * finished campaign is read from its published revision, so only the few being collected or scored need to stay.
     */
    static final int CACHED_CAMPAIGNS = 16;
    /** A campaign nobody has asked about for this long is dropped; the next request rebuilds it from the database. */
    static final Duration IDLE = Duration.ofHours(2);

    private final Cache<Long, ScoringCache> caches;
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final IndicatorSystemService systems;
    private final UnitSystems views;
    private final Records records;
    private final List<Scoring.Band> gradeBands;

    ResultsBook(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, UnitSystems views, Records records,
                List<Scoring.Band> gradeBands) {
        this(jpa, registry, systems, views, records, gradeBands, CACHED_CAMPAIGNS, Ticker.systemTicker());
    }

    /** Tests bound the cache and move its time. */
    ResultsBook(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, UnitSystems views, Records records,
                List<Scoring.Band> gradeBands, int campaigns, Ticker ticker) {
        this.caches = Caffeine.newBuilder().maximumSize(campaigns).expireAfterAccess(IDLE).ticker(ticker).executor(Runnable::run).build();
        this.jpa = jpa;
        this.registry = registry;
        this.systems = systems;
        this.views = views;
        this.records = records;
        this.gradeBands = gradeBands;
    }

    /** The ranked results of the target units the caller sees; gaps above {@code gapThreshold} (default 20) flagged. */
    List<UnitResult> compute(Caller caller, Campaign c, BigDecimal gapThreshold) {
        BigDecimal threshold = gapThreshold == null ? BigDecimal.valueOf(20) : gapThreshold;
        Set<Long> visible = new java.util.HashSet<>();
        registry.listUnits(caller, c.jurisdictionCode(), true).forEach(u -> visible.add(u.id()));
        List<UnitResult> ranked = ranked(c);
        List<UnitResult> out = new ArrayList<>();
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

    /**
     * The ranking from the cache when no target unit changed; otherwise only the changed units are rescored (one
     * system at a time, read and validated once) and the list is ranked again.
     */
    private List<UnitResult> ranked(Campaign c) {
        ScoringCache cache = cache(c);
        synchronized (cache) {
            List<Long> dirty = c.targetUnitIds().stream().filter(id -> !cache.scored.containsKey(id)).toList();
            if (cache.ranking != null && dirty.isEmpty()) {
                return cache.ranking;
            }
            if (!dirty.isEmpty()) {
                rescore(c, cache, dirty);
            }
            List<UnitResult> targets = new ArrayList<>();
            for (Long unitId : c.targetUnitIds()) {
                UnitResult r = cache.scored.get(unitId);
                if (r != null) {
                    targets.add(r);
                }
            }
            cache.ranking = Scoring.ranked(targets);
            return cache.ranking;
        }
    }

    private void rescore(Campaign c, ScoringCache cache, List<Long> dirty) {
        Map<Long, Unit> all = new HashMap<>();
        registry.listUnits(SCORING, c.jurisdictionCode(), true).forEach(u -> all.put(u.id(), u));
        Map<Long, Map<Long, Map<String, IndicatorInput>>> dirtyBySystem = new HashMap<>();
        for (Long unitId : dirty) {
            Unit u = all.get(unitId);
            if (u != null) {
                dirtyBySystem.computeIfAbsent(c.systems().get(u.kind()), k -> new LinkedHashMap<>())
                        .put(unitId, cache.inputs.getOrDefault(unitId, Map.of()));
            }
        }
        Map<Long, List<DutyRecord>> frozen = views.duties(c);
        for (Map.Entry<Long, Map<Long, Map<String, IndicatorInput>>> batch : dirtyBySystem.entrySet()) {
            Map<Long, List<DutyRecord>> dutiesByUnit = new HashMap<>();
            batch.getValue().keySet().stream().filter(frozen::containsKey).forEach(u -> dutiesByUnit.put(u, frozen.get(u)));
            Map<Long, Evaluation> evaluations = dutiesByUnit.isEmpty()
                    ? systems.evaluateAll(SCORING, batch.getKey(), batch.getValue())
                    : systems.evaluateAll(SCORING, batch.getKey(), batch.getValue(), dutiesByUnit);
            evaluations.forEach((unitId, e) -> cache.scored.put(unitId, score(all.get(unitId), batch.getKey(), e, c.categories())));
        }
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
        ScoringCache cache = cache(c);
        Map<Long, Set<String>> out = new HashMap<>();
        synchronized (cache) {
            cache.inputs.forEach((unitId, codes) -> out.put(unitId, Set.copyOf(codes.keySet())));
        }
        return out;
    }

    /** The campaign's scoring cache, rebuilt from the database when inputs were written behind its back. */
    ScoringCache cache(Campaign c) {
        long campaignId = c.id();
        ScoringCache cache = caches.getIfPresent(campaignId);
        // the newest input of all is read off the primary key's index; only when it moved is this campaign's own looked up
        long any = orZero(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select max(i.id) from InputEntity i", Long.class).getSingleResult()));
        if (cache != null && cache.seenAnyInputId == any) {
            return cache;
        }
        long last = orZero(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select max(i.id) from InputEntity i where i.campaignId = :c", Long.class).setParameter("c", campaignId).getSingleResult()));
        if (cache != null && cache.lastInputId == last) {
            cache.seenAnyInputId = any;
            return cache;
        }
        ScoringCache fresh = new ScoringCache(c.workingGroup());
        caches.put(campaignId, fresh);
        absorb(campaignId, jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select i from InputEntity i where i.campaignId = :c order by i.id", InputEntity.class)
                .setParameter("c", campaignId).getResultList()));
        fresh.seenAnyInputId = any;
        return fresh;
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    /** Campaigns held in memory now. */
    long cachedCampaigns() {
        caches.cleanUp();
        return caches.estimatedSize();
    }

    /**
     * Merges recorded inputs into the cache in id order: the latest record's value/occurrences/state/trigger, every
     * evaluator's latest grade; the units touched are rescored on the next request.
     */
    void absorb(long campaignId, List<InputEntity> rows) {
        ScoringCache cache = caches.getIfPresent(campaignId);
        if (cache == null) {
            return; // built from the database on first use (or again after eviction)
        }
        synchronized (cache) {
            for (InputEntity i : rows) {
                cache.lastInputId = Math.max(cache.lastInputId, i.getId());
                // as blind to another node's older rows of this campaign as lastInputId is: newer ones still move the max
                cache.seenAnyInputId = Math.max(cache.seenAnyInputId, i.getId());
                if (i.getReview() != ReviewStatus.ACCEPTED) {
                    continue; // a self-report counts once the office accepted it
                }
                merge(cache, i, records.input(i));
                cache.scored.remove(i.getUnitId());
                cache.ranking = null;
            }
        }
    }

    private static void merge(ScoringCache cache, InputEntity i, IndicatorInput in) {
        boolean graded = i.getSource() == InputSource.EVALUATOR;
        String source = i.getSource() + " " + (graded ? cache.pseudonym(i.getEnteredBy()) : i.getEnteredBy()) + " "
                + Instant.ofEpochMilli(i.getEnteredAt());
        Map<String, IndicatorInput> unit = cache.inputs.computeIfAbsent(i.getUnitId(), k -> new HashMap<>());
        IndicatorInput prev = unit.get(i.getCode());
        if (graded) {
            Map<String, IndicatorInput.Grade> byEvaluator = cache.grades.computeIfAbsent(i.getUnitId() + "/" + i.getCode(),
                    k -> new TreeMap<>());
            in.grades().forEach(g -> byEvaluator.put(g.evaluator(),
                    new IndicatorInput.Grade(cache.pseudonym(g.evaluator()), g.label(), g.justification())));
            unit.put(i.getCode(), new IndicatorInput(prev == null ? null : prev.value(), prev == null ? null : prev.occurrences(),
                    prev == null ? null : prev.state(), List.copyOf(byEvaluator.values()), prev == null ? null : prev.triggered(),
                    source));
        } else {
            unit.put(i.getCode(), new IndicatorInput(in.value(), in.occurrences(), in.state(),
                    prev == null ? List.of() : prev.grades(), in.triggered(), source));
        }
    }
}
