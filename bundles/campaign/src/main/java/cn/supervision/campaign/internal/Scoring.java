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

/**
 * Campaign-level arithmetic on top of a system's evaluation: renormalisation to the categories in use, the two views,
 * grades and ranks. 2 decimals, half up, like every score.
 */
final class Scoring {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    /** Σ_c∈used score(c) × base / Σ_c∈used max(c) + bonus − deductions, floored at 0; 0 when vetoed. */
    static BigDecimal total(Evaluation e, Set<Category> used) {
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Evaluation.CategoryScore c : e.categories()) {
            if (used.contains(c.category())) {
                score = score.add(c.score());
                max = max.add(c.max());
            }
        }
        if (e.vetoed() || max.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal renormalised = score.multiply(e.baseMax()).divide(max, 10, RoundingMode.HALF_UP);
        return renormalised.add(e.bonus()).subtract(e.deduction()).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** One view (duty or corroboration) on 0–100 over its categories in use; null when none of them is used. */
    static BigDecimal view(Evaluation e, Set<Category> used, Dimension dimension) {
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Evaluation.CategoryScore c : e.categories()) {
            if (used.contains(c.category()) && c.category().dimension() == dimension) {
                score = score.add(c.score());
                max = max.add(c.max());
            }
        }
        return max.signum() == 0 ? null : score.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
    }

    /** 优秀 ≥ 90, 良好 80–<90, 一般 60–<80, 较差 < 60; a 一票否优 veto caps the grade at 良好. */
    static String grade(BigDecimal total, boolean topGradeBarred) {
        if (total.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return topGradeBarred ? "良好" : "优秀";
        }
        if (total.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return "良好";
        }
        return total.compareTo(BigDecimal.valueOf(60)) >= 0 ? "一般" : "较差";
    }

    /** Standard competition ranking (1, 2, 2, 4) overall and within each unit kind; O(n log n). */
    static List<UnitResult> ranked(List<UnitResult> results) {
        List<UnitResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(UnitResult::total).reversed().thenComparingLong(UnitResult::unitId));
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
            out.add(new UnitResult(r.unitId(), r.unitName(), r.unitKind(), r.systemId(), r.total(), r.grade(), r.dutyView(),
                    r.corroborationView(), r.gap(), r.flagged(), rank, k[1], r.missingInputs(), r.evaluation()));
        }
        return out;
    }
}
