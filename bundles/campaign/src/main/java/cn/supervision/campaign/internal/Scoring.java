package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Rounding;

/**
 * Campaign-level arithmetic on top of a system's evaluation: renormalisation to the categories in use, the two views,
 * grades and ranks. Intermediate figures keep {@link #EXACT} decimals; what is published is rounded once, by the
 * system's {@link Rounding} policy.
 */
final class Scoring {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Decimals kept by the divisions before the one final rounding: far below any published scale. */
    static final int EXACT = 12;

    private Scoring() {
    }

    /**
     * Σ_c∈used score(c) × base / Σ_c∈used max(c) + bonus − deductions, floored at 0; 0 when vetoed. Computed from the
     * evaluation's exact figures and rounded once, by the system's policy, as the office's spreadsheet does.
     */
    static BigDecimal total(Evaluation e, Set<Category> used) {
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Evaluation.CategoryScore c : e.categories()) {
            if (used.contains(c.category())) {
                score = score.add(e.exactScore(c));
                max = max.add(c.max());
            }
        }
        Rounding rounding = rounding(e);
        if (e.vetoed() || max.signum() == 0) {
            return rounding.round(BigDecimal.ZERO);
        }
        BigDecimal bonus = e.exact() == null ? e.bonus() : e.exact().bonus();
        BigDecimal deduction = e.exact() == null ? e.deduction() : e.exact().deduction();
        BigDecimal renormalised = score.multiply(e.baseMax()).divide(max, EXACT, RoundingMode.HALF_UP);
        return rounding.round(renormalised.add(bonus).subtract(deduction).max(BigDecimal.ZERO));
    }

    /** One view (duty or corroboration) on 0–100 over its categories in use, rounded once; null when none is used. */
    static BigDecimal view(Evaluation e, Set<Category> used, Dimension dimension) {
        BigDecimal exact = exactView(e, used, dimension);
        return exact == null ? null : rounding(e).round(exact);
    }

    /** |duty view − corroboration view| from the exact views, rounded once; null unless both views exist. */
    static BigDecimal gap(Evaluation e, Set<Category> used) {
        BigDecimal duty = exactView(e, used, Dimension.DUTY);
        BigDecimal corroboration = exactView(e, used, Dimension.CORROBORATION);
        return duty == null || corroboration == null ? null : rounding(e).round(duty.subtract(corroboration).abs());
    }

    private static BigDecimal exactView(Evaluation e, Set<Category> used, Dimension dimension) {
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Evaluation.CategoryScore c : e.categories()) {
            if (used.contains(c.category()) && c.category().dimension() == dimension) {
                score = score.add(e.exactScore(c));
                max = max.add(c.max());
            }
        }
        return max.signum() == 0 ? null : score.multiply(HUNDRED).divide(max, EXACT, RoundingMode.HALF_UP);
    }

    private static Rounding rounding(Evaluation e) {
        return e.rounding() == null ? Rounding.DEFAULT : e.rounding();
    }

    /** A grade and its lower bound (inclusive). */
    record Band(String label, BigDecimal min) { }

    static final List<Band> DEFAULT_BANDS = parseBands("优秀:90,良好:80,一般:60,较差:0");

    /** "优秀:90,良好:80,一般:60,较差:0" (highest first, the last one's bound is the floor). */
    static List<Band> parseBands(String text) {
        List<Band> bands = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("grade band '" + part + "' is not label:lowerBound");
            }
            bands.add(new Band(kv[0].trim(), new BigDecimal(kv[1].trim())));
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).min().compareTo(bands.get(i - 1).min()) >= 0) {
                throw new IllegalArgumentException("grade bands must go from the highest bound down: " + text);
            }
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("no grade bands");
        }
        return List.copyOf(bands);
    }

    static String grade(BigDecimal total, boolean topGradeBarred) {
        return grade(total, topGradeBarred, DEFAULT_BANDS);
    }

    /** The first band whose bound the total reaches (the last band otherwise); a 一票否优 veto caps it at the second band. */
    static String grade(BigDecimal total, boolean topGradeBarred, List<Band> bands) {
        int i = 0;
        while (i < bands.size() - 1 && total.compareTo(bands.get(i).min()) < 0) {
            i++;
        }
        if (i == 0 && topGradeBarred && bands.size() > 1) {
            i = 1;
        }
        return bands.get(i).label();
    }

    /** The (up to three) leaves of the weaker view, among the categories in use, that lost the most points. */
    static List<String> gapDrivers(Evaluation e, Set<Category> used, BigDecimal duty, BigDecimal corroboration) {
        if (duty == null || corroboration == null) {
            return List.of();
        }
        Dimension weaker = duty.compareTo(corroboration) < 0 ? Dimension.DUTY : Dimension.CORROBORATION;
        List<Evaluation.NodeScore> leaves = new ArrayList<>();
        java.util.ArrayDeque<Evaluation.NodeScore> pending = new java.util.ArrayDeque<>(e.indicators());
        while (!pending.isEmpty()) {
            Evaluation.NodeScore n = pending.pop();
            if (n.children().isEmpty()) {
                if (n.category() != null && used.contains(n.category()) && n.category().dimension() == weaker) {
                    leaves.add(n);
                }
            } else {
                pending.addAll(n.children());
            }
        }
        leaves.sort(Comparator.comparing((Evaluation.NodeScore n) -> n.max().subtract(n.score())).reversed()
                .thenComparing(Evaluation.NodeScore::code));
        return leaves.stream().filter(n -> n.max().compareTo(n.score()) > 0).limit(3)
                .map(n -> n.code() + " " + n.name()).toList();
    }

    /** Standard competition ranking (1, 2, 2, 4) overall and within each unit kind; O(n log n). */
    static List<UnitResult> ranked(List<UnitResult> results) {
        List<UnitResult> sorted = new ArrayList<>(results);
        sorted.sort(CampaignScores.ORDER);
        return rankSorted(sorted);
    }

    /** As {@link #ranked}, for results already in {@link CampaignScores#ORDER}. */
    static List<UnitResult> rankSorted(List<UnitResult> sorted) {
        return rankSorted(sorted, Scoring::ranked);
    }

    /** A row given its ranks. */
    interface Ranker {
        UnitResult rank(UnitResult r, int rank, int rankInKind);
    }

    /** Standard competition ranks over results in {@link CampaignScores#ORDER}, each row made by {@code ranker}. */
    static List<UnitResult> rankSorted(List<UnitResult> sorted, Ranker ranker) {
        java.util.Map<String, int[]> kindSeen = new java.util.HashMap<>();        // kind → {count so far, current rank}
        java.util.Map<String, BigDecimal> kindLast = new java.util.HashMap<>();
        List<UnitResult> out = new ArrayList<>(sorted.size());
        int rank = 0;
        BigDecimal last = null;
        for (int i = 0; i < sorted.size(); i++) {
            UnitResult r = sorted.get(i);
            if (last == null || r.total().compareTo(last) != 0) {
                rank = i + 1;
                last = r.total();
            }
            int[] k = kindSeen.computeIfAbsent(r.unitKind(), x -> new int[] {0, 0});
            k[0]++;
            BigDecimal kLast = kindLast.get(r.unitKind());
            if (kLast == null || r.total().compareTo(kLast) != 0) {
                k[1] = k[0];
                kindLast.put(r.unitKind(), r.total());
            }
            out.add(ranker.rank(r, rank, k[1]));
        }
        return out;
    }

    static UnitResult ranked(UnitResult r, int rank, int rankInKind) {
        return new UnitResult(r.unitId(), r.unitName(), r.unitKind(), r.systemId(), r.total(), r.grade(), r.dutyView(),
                r.corroborationView(), r.gap(), r.flagged(), rank, rankInKind, r.missingInputs(), r.gapDrivers(), r.evaluation());
    }

    /** The row flagged when its gap is above {@code threshold}; the gap's drivers are named only when flagged. */
    static UnitResult flag(UnitResult r, BigDecimal threshold) {
        boolean flagged = r.gap() != null && r.gap().compareTo(threshold) > 0;
        return new UnitResult(r.unitId(), r.unitName(), r.unitKind(), r.systemId(), r.total(), r.grade(), r.dutyView(),
                r.corroborationView(), r.gap(), flagged, r.rank(), r.rankInKind(), r.missingInputs(),
                flagged ? r.gapDrivers() : List.of(), r.evaluation());
    }
}
