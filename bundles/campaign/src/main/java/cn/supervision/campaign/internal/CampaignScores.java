package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;

/**
 * One campaign's live scoring state: the merged inputs of every unit, the last result of each unit whose inputs have
 * not changed since, and those results kept in ranking order, so that rescoring one unit moves one row instead of
 * sorting the list again. Guarded by its own monitor (see {@link ResultsBook}).
 */
final class CampaignScores {
    /** The ranking order: total descending, ties by unit id (as {@link Scoring#ranked}). */
    static final Comparator<UnitResult> ORDER = Comparator.comparing(UnitResult::total).reversed()
            .thenComparingLong(UnitResult::unitId);

    /** Evaluators are scored under a pseudonym (评价人1, 2 … in working-group order): results never name them. */
    private final Map<String, String> pseudonyms;
    final Map<Long, Map<String, IndicatorInput>> inputs = new HashMap<>();
    private final Map<String, Map<String, IndicatorInput.Grade>> grades = new HashMap<>();
    /** Per "unit/code", the ids of the latest merged value row and of the latest row of any kind. */
    private final Map<String, long[]> latestIds = new HashMap<>();
    /** Per "unit/code/evaluator", the id of the grade merged. */
    private final Map<String, Long> gradeIds = new HashMap<>();
    private final Map<Long, UnitResult> scored = new HashMap<>();
    private final List<UnitResult> sorted = new ArrayList<>();
    /** The ranks of {@code sorted}; null once a row moved. */
    private List<UnitResult> ranking;
    /** Each scored row → its ranked row, reused while its ranks hold: one move re-creates the rows it passed, not 1 000. */
    private Map<UnitResult, UnitResult> rankedRows = new IdentityHashMap<>();
    /** The ranking with gaps flagged above {@link #flaggedAt}, and each ranked row → its flagged row. */
    private List<UnitResult> flagged;
    private List<UnitResult> flaggedFrom;
    private BigDecimal flaggedAt;
    private Map<UnitResult, UnitResult> flaggedRows = new IdentityHashMap<>();
    /** Units rescored since the state was last offered to the snapshot. */
    private final Set<Long> unsaved = new LinkedHashSet<>();
    /** Units whose inputs are merged, while the state was restored from a snapshot; null once every unit's are. */
    private Set<Long> loaded;
    /** The input version this state is exactly: every input row up to it merged, none after it. */
    volatile long version;

    CampaignScores(List<Member> workingGroup) {
        pseudonyms = CampaignAccess.pseudonyms(workingGroup);
    }

    boolean isScored(long unitId) {
        return scored.containsKey(unitId);
    }

    /** Takes a unit's new result, moving its row to where the new total ranks. */
    void scored(UnitResult r) {
        unsaved.add(r.unitId());
        UnitResult old = scored.put(r.unitId(), r);
        if (old != null) {
            sorted.remove(Collections.binarySearch(sorted, old, ORDER));
        }
        int at = Collections.binarySearch(sorted, r, ORDER);
        sorted.add(at < 0 ? -at - 1 : at, r);
        ranking = null;
    }

    /** Makes a unit's result stale: it is rescored on the next request. */
    void unscored(long unitId) {
        UnitResult old = scored.remove(unitId);
        if (old != null) {
            sorted.remove(Collections.binarySearch(sorted, old, ORDER));
            ranking = null;
        }
    }

    /** Every unit stale (the benchmark's full rescore). */
    void unscoreAll() {
        scored.clear();
        sorted.clear();
        ranking = null;
    }

    /** The scored units ranked overall and within their kind. */
    List<UnitResult> ranking() {
        if (ranking == null) {
            Map<UnitResult, UnitResult> kept = new IdentityHashMap<>(sorted.size() * 2);
            ranking = Scoring.rankSorted(sorted, (r, rank, inKind) -> {
                UnitResult before = rankedRows.get(r);
                UnitResult row = before != null && before.rank() == rank && before.rankInKind() == inKind ? before
                        : Scoring.ranked(r, rank, inKind);
                kept.put(r, row);
                return row;
            });
            rankedRows = kept;
        }
        return ranking;
    }

    /** {@link #ranking()} with the gaps above {@code threshold} flagged (and their drivers named). */
    List<UnitResult> ranking(BigDecimal threshold) {
        List<UnitResult> ranked = ranking();
        boolean same = flaggedAt != null && flaggedAt.compareTo(threshold) == 0;
        if (same && flaggedFrom == ranked) {
            return flagged;
        }
        Map<UnitResult, UnitResult> before = same ? flaggedRows : Map.of();
        Map<UnitResult, UnitResult> kept = new IdentityHashMap<>(ranked.size() * 2);
        List<UnitResult> out = new ArrayList<>(ranked.size());
        for (UnitResult r : ranked) {
            UnitResult f = before.get(r);
            if (f == null) {
                f = Scoring.flag(r, threshold);
            }
            kept.put(r, f);
            out.add(f);
        }
        flagged = out;
        flaggedFrom = ranked;
        flaggedAt = threshold;
        flaggedRows = kept;
        return out;
    }

    /** Starts from results read back from the snapshot, at {@code version}; inputs are merged unit by unit when needed. */
    void restore(List<UnitResult> results, long atVersion) {
        results.forEach(this::scored);
        unsaved.clear();
        loaded = new HashSet<>();
        version = atVersion;
    }

    /** Whether the unit's inputs are all merged (always, unless restored from a snapshot and not asked for since). */
    boolean hasInputsOf(long unitId) {
        return loaded == null || loaded.contains(unitId);
    }

    boolean hasAllInputs() {
        return loaded == null;
    }

    /** The unit's rows at {@link #version} are merged (one unit, or every unit when {@code unitId} is null). */
    void inputsMerged(Long unitId) {
        if (unitId == null) {
            loaded = null;
        } else if (loaded != null) {
            loaded.add(unitId);
        }
    }

    /** The results rescored since the last call, for the snapshot. */
    List<UnitResult> takeUnsaved() {
        List<UnitResult> out = new ArrayList<>(unsaved.size());
        for (Long id : unsaved) {
            UnitResult r = scored.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        unsaved.clear();
        return out;
    }

    /**
     * Merges one recorded accepted input: per unit and code the latest row's value/occurrences/state/trigger and source,
     * every evaluator's latest grade. "Latest" is by id, not by arrival: writers committing at once may hand their rows
     * over in either order, and a row handed over twice (read back from the database, then by its writer) counts once.
     */
    void merge(InputRow i, IndicatorInput in) {
        String key = i.unitId() + "/" + i.code();
        long[] latest = latestIds.computeIfAbsent(key, k -> new long[] {-1, -1}); // {value row, any row}
        Map<String, IndicatorInput> unit = inputs.computeIfAbsent(i.unitId(), k -> new HashMap<>());
        IndicatorInput prev = unit.get(i.code());
        boolean graded = i.source() == InputSource.EVALUATOR;
        String source = i.id() > latest[1] ? i.source() + " " + (graded ? pseudonym(i.enteredBy()) : i.enteredBy()) + " "
                + Instant.ofEpochMilli(i.enteredAt()) : prev.source();
        latest[1] = Math.max(latest[1], i.id());
        if (graded) {
            Map<String, IndicatorInput.Grade> byEvaluator = grades.computeIfAbsent(key, k -> new TreeMap<>());
            for (IndicatorInput.Grade g : in.grades()) {
                if (gradeIds.getOrDefault(key + "/" + g.evaluator(), -1L) < i.id()) {
                    gradeIds.put(key + "/" + g.evaluator(), i.id());
                    byEvaluator.put(g.evaluator(), new IndicatorInput.Grade(pseudonym(g.evaluator()), g.label(), g.justification()));
                }
            }
            unit.put(i.code(), new IndicatorInput(prev == null ? null : prev.value(), prev == null ? null : prev.occurrences(),
                    prev == null ? null : prev.state(), List.copyOf(byEvaluator.values()), prev == null ? null : prev.triggered(),
                    source));
        } else if (i.id() > latest[0]) {
            latest[0] = i.id();
            unit.put(i.code(), new IndicatorInput(in.value(), in.occurrences(), in.state(),
                    prev == null ? List.of() : prev.grades(), in.triggered(), source));
        }
    }

    private String pseudonym(String evaluator) {
        return pseudonyms.getOrDefault(evaluator, "评价人");
    }
}
