package cn.supervision.campaign.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** The highest input id of this campaign absorbed; a higher one in the database was written behind this node's back. */
    long lastInputId;
    /** The highest input id of any campaign when this one was last found current: unchanged means nothing new. */
    volatile long seenAnyInputId = -1;

    CampaignScores(List<Member> workingGroup) {
        pseudonyms = CampaignAccess.pseudonyms(workingGroup);
    }

    boolean isScored(long unitId) {
        return scored.containsKey(unitId);
    }

    /** Takes a unit's new result, moving its row to where the new total ranks. */
    void scored(UnitResult r) {
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

    /** The scored units ranked overall and within their kind; {@code units} answered in ranking order, others left out. */
    List<UnitResult> ranking() {
        if (ranking == null) {
            ranking = Scoring.rankSorted(sorted);
        }
        return ranking;
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
