package cn.supervision.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Evaluation.CategoryScore;
import cn.supervision.api.indicator.Rounding;

class ScoringTest {
    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** The city's shape: CORE 40, AUXILIARY 20, PEER 10, PUBLIC 15, PLATFORM 15. */
    static Evaluation evaluation(String core, String aux, String peer, String pub, String platform, String bonus, String deduction,
                                 boolean vetoed, boolean barred) {
        return new Evaluation(BigDecimal.ZERO, BigDecimal.ZERO, d("100"), BigDecimal.ZERO, null, d(bonus), d(deduction), vetoed, barred,
                List.of(new CategoryScore(Category.CORE, d(core), d("40")), new CategoryScore(Category.AUXILIARY, d(aux), d("20")),
                        new CategoryScore(Category.PEER_REVIEW, d(peer), d("10")),
                        new CategoryScore(Category.PUBLIC_EVALUATION, d(pub), d("15")),
                        new CategoryScore(Category.PLATFORM_DATA, d(platform), d("15"))), List.of(), List.of(), List.of());
    }

    /**
     * Category scores as shown (rounded) and as computed: the campaign total, views and gap come from the exact ones and
     * are rounded once, by the system's policy — the way an office's spreadsheet totals a three-level system.
     */
    static Evaluation exactly(String shownCore, String exactCore, String exactPublic, Rounding rounding) {
        List<CategoryScore> shown = List.of(new CategoryScore(Category.CORE, d(shownCore), d("50")),
                new CategoryScore(Category.PUBLIC_EVALUATION, d("41.67"), d("50")));
        Evaluation.Exact exact = new Evaluation.Exact(null, null, null, d("0"), d("0"),
                java.util.Map.of(Category.CORE, d(exactCore), Category.PUBLIC_EVALUATION, d(exactPublic)));
        return new Evaluation(BigDecimal.ZERO, BigDecimal.ZERO, d("100"), BigDecimal.ZERO, null, d("0"), d("0"), false, false,
                shown, List.of(), List.of(), List.of(), rounding, exact);
    }

    @Test
    void campaignFiguresAreRoundedOnceFromTheExactScores() {
        // CORE 46.446875 (shown 46.45) + PUBLIC 41.666666… (shown 41.67) = 88.113541… → 88.11, not 46.45 + 41.67 = 88.12
        Evaluation e = exactly("46.45", "46.446875", "41.666666666667", Rounding.DEFAULT);
        EnumSet<Category> used = EnumSet.of(Category.CORE, Category.PUBLIC_EVALUATION);
        assertEquals(d("88.11"), Scoring.total(e, used));
        // views: 46.446875 × 2 = 92.89375 → 92.89; 41.666… × 2 = 83.33; gap 9.56041… → 9.56
        assertEquals(d("92.89"), Scoring.view(e, used, Dimension.DUTY));
        assertEquals(d("83.33"), Scoring.view(e, used, Dimension.CORROBORATION));
        assertEquals(d("9.56"), Scoring.gap(e, used));
        // the policy's scale and mode apply to what the campaign publishes
        Evaluation down = exactly("46.45", "46.446875", "41.666666666667", new Rounding(1, java.math.RoundingMode.DOWN, null));
        assertEquals(d("88.1"), Scoring.total(down, used));
        assertEquals(d("92.8"), Scoring.view(down, used, Dimension.DUTY));
    }

    @Test
    void routineCampaignsRenormaliseWithoutPeerReview() {
        Evaluation e = evaluation("36", "16", "9", "12", "13.5", "1", "2", false, false);
        // routine: CORE + AUX + PUBLIC + PLATFORM = 77.5 of 90 → 77.5 × 100 / 90 = 86.111… ; + 1 − 2 = 85.11
        assertEquals(d("85.11"), Scoring.total(e, CampaignKind.ROUTINE.defaultCategories()));
        // special: all five = 86.5 of 100 → 86.5 + 1 − 2 = 85.50
        assertEquals(d("85.50"), Scoring.total(e, CampaignKind.SPECIAL.defaultCategories()));
        // duty view: (36 + 16) / 60 = 86.67; corroboration (routine): (12 + 13.5) / 30 = 85.00
        assertEquals(d("86.67"), Scoring.view(e, CampaignKind.ROUTINE.defaultCategories(), Dimension.DUTY));
        assertEquals(d("85.00"), Scoring.view(e, CampaignKind.ROUTINE.defaultCategories(), Dimension.CORROBORATION));
        assertNull(Scoring.view(e, EnumSet.of(Category.CORE), Dimension.CORROBORATION));
    }

    @Test
    void vetoesAndFloors() {
        assertEquals(d("0.00"), Scoring.total(evaluation("40", "20", "10", "15", "15", "0", "0", true, false),
                CampaignKind.SPECIAL.defaultCategories()));
        assertEquals(d("0.00"), Scoring.total(evaluation("1", "0", "0", "0", "0", "0", "10", false, false),
                CampaignKind.SPECIAL.defaultCategories()));
    }

    @Test
    void gradesWithTheirBoundsAndTheTopGradeBar() {
        assertEquals("优秀", Scoring.grade(d("90.00"), false));
        assertEquals("良好", Scoring.grade(d("90.00"), true));
        assertEquals("良好", Scoring.grade(d("89.99"), false));
        assertEquals("良好", Scoring.grade(d("80.00"), false));
        assertEquals("一般", Scoring.grade(d("79.99"), false));
        assertEquals("一般", Scoring.grade(d("60.00"), false));
        assertEquals("较差", Scoring.grade(d("59.99"), false));
    }

    @Test
    void bandsAreConfigurable() {
        List<Scoring.Band> bands = Scoring.parseBands("好:85, 较好:70, 一般:50, 差:0");
        assertEquals("好", Scoring.grade(d("85"), false, bands));
        assertEquals("较好", Scoring.grade(d("85"), true, bands));
        assertEquals("一般", Scoring.grade(d("69.99"), false, bands));
        assertEquals("差", Scoring.grade(d("12"), false, bands));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Scoring.parseBands("好:60,差:70"));
    }

    @Test
    void ranksShareTiesOverallAndWithinKind() {
        List<UnitResult> ranked = Scoring.ranked(List.of(result(1, "A", "80"), result(2, "B", "90"), result(3, "A", "80"),
                result(4, "A", "70")));
        assertEquals(List.of(2L, 1L, 3L, 4L), ranked.stream().map(UnitResult::unitId).toList());
        assertEquals(List.of(1, 2, 2, 4), ranked.stream().map(UnitResult::rank).toList());
        assertEquals(List.of(1, 1, 1, 3), ranked.stream().map(UnitResult::rankInKind).toList());
    }

    private static UnitResult result(long id, String kind, String total) {
        return new UnitResult(id, "u" + id, kind, 1, d(total), "", null, null, null, false, 0, 0, 0, List.of(), null);
    }
}
