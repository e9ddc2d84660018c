package cn.supervision.warning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.warning.internal.rules.DisciplineFindingRule;
import cn.supervision.warning.internal.rules.FallingScoreRule;
import cn.supervision.warning.internal.rules.Facts;
import cn.supervision.warning.internal.rules.Hit;
import cn.supervision.warning.internal.rules.HotlineOnTimeRule;
import cn.supervision.warning.internal.rules.LowViewRule;
import cn.supervision.warning.internal.rules.MissingEvidenceRule;
import cn.supervision.warning.internal.rules.OverStaffingRule;
import cn.supervision.warning.internal.rules.OverdueSelfReportRule;
import cn.supervision.warning.internal.rules.Rule;
import cn.supervision.warning.internal.rules.Sources;
import cn.supervision.warning.internal.rules.VetoRule;

/** Every rule fires just past its boundary and not at it. */
class WarningRulesTest {
    static final String GR = "370523";
    static final Period Y2025 = new Period(Period.PeriodType.YEAR, 2025, null);
    static final Period Y2026 = new Period(Period.PeriodType.YEAR, 2026, null);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(
            Fakes.unit(1, GR, "CZJ", new Staffing(10, 5, 3)), Fakes.unit(2, GR, "GAJ", new Staffing(10, 5, 3))));
    final Fakes.Campaigns campaigns = new Fakes.Campaigns();
    final Fakes.PlatformData platform = new Fakes.PlatformData();
    final Fakes.StaffingFigures staffing = new Fakes.StaffingFigures();
    final Fakes.Findings findings = new Fakes.Findings();
    final java.util.Map<String, List<cn.supervision.api.rectification.Notice>> notices = new java.util.HashMap<>();
    final cn.supervision.api.rectification.RectificationService rectifications =
            Fakes.rectifications(notices, new java.util.concurrent.atomic.AtomicLong());
    WarningConfig config = WarningConfig.defaults();

    List<Hit> run(Rule rule) {
        return rule.evaluate(new Facts(new Sources(registry, campaigns, platform, () -> staffing, () -> findings, () -> rectifications),
                Caller.system("test"), GR, TODAY, config));
    }

    static List<Long> units(List<Hit> hits) {
        return hits.stream().map(Hit::unitId).toList();
    }

    @Test
    void vetoFiresForTheVetoedUnitOfTheNewestPublishedCampaignOnly() {
        campaigns.add(Fakes.campaign(1, GR, CampaignState.PUBLISHED, Y2025, null, null, List.of(1L, 2L)),
                List.of(Fakes.result(1, "0", "80", "80", true), Fakes.result(2, "90", "90", "90", false)));
        campaigns.add(Fakes.campaign(2, GR, CampaignState.PUBLISHED, Y2026, 1L, null, List.of(1L, 2L)),
                List.of(Fakes.result(1, "85", "85", "85", false), Fakes.result(2, "0", "90", "90", true)));
        List<Hit> hits = run(new VetoRule());
        assertEquals(List.of(2L), units(hits), "2025 is superseded by 2026 of the same lineage");
        assertEquals("campaign:2", hits.get(0).subject(), "a correction (new revision) does not raise the same veto again");
        assertTrue(hits.get(0).values().get("vetoItems").contains("V1"));
    }

    @Test
    void overStaffingFiresOneAboveTheApprovedNumbersNotAtThem() {
        staffing.put(GR, 1, TODAY.minusDays(3), 10, 5, 3);
        staffing.put(GR, 2, TODAY.minusDays(3), 10, 5, 4);
        List<Hit> hits = run(new OverStaffingRule());
        assertEquals(List.of(2L), units(hits));
        assertEquals("4", hits.get(0).values().get("leadershipInUse"));
        assertTrue(hits.get(0).description().contains("领导职数实有 4 超过核定 3"), hits.get(0).description());
    }

    @Test
    void overStaffingNotesAnAbsentStaffingService() {
        Facts facts = new Facts(new Sources(registry, campaigns, platform, () -> null, () -> findings, () -> rectifications), Caller.system("t"), GR, TODAY, config);
        assertEquals(List.of(), new OverStaffingRule().evaluate(facts));
        assertEquals(1, facts.notes().size());
    }

    @Test
    void disciplineFiresForOpenDisciplineFindingsOnly() {
        findings.findings.add(finding(1, 1, FindingCategory.DISCIPLINE, FindingState.OPEN));
        findings.findings.add(finding(2, 2, FindingCategory.DISCIPLINE, FindingState.RECTIFIED));
        findings.findings.add(finding(3, 2, FindingCategory.STAFFING, FindingState.OPEN));
        List<Hit> hits = run(new DisciplineFindingRule());
        assertEquals(List.of(1L), units(hits));
        assertEquals("finding:1", hits.get(0).subject());
    }

    static Finding finding(long id, long unit, FindingCategory category, FindingState state) {
        return new Finding(id, GR, unit, "单位" + unit, FindingSource.of(cn.supervision.api.followup.SourceKind.INSPECTION, "巡察"), category,
                Severity.SERIOUS, "超机构限额设置内设机构", null, state, null, null, "o", null, "o");
    }

    @Test
    void lowViewFiresStrictlyBelowTheThreshold() {
        campaigns.add(Fakes.campaign(1, GR, CampaignState.PUBLISHED, Y2026, null, null, List.of(1L, 2L)),
                List.of(Fakes.result(1, "70", "60", "60", false), Fakes.result(2, "70", "75", "59.99", false)));
        List<Hit> hits = run(new LowViewRule());
        assertEquals(List.of(2L), units(hits));
        assertEquals("59.99", hits.get(0).values().get("corroborationView"));
    }

    @Test
    void fallingScoreFiresBeyondThePointsAgainstThePreviousPeriodOfTheLineage() {
        campaigns.add(Fakes.campaign(1, GR, CampaignState.PUBLISHED, Y2025, null, null, List.of(1L, 2L)),
                List.of(Fakes.result(1, "90", "90", "90", false), Fakes.result(2, "90", "90", "90", false)));
        // a draft in between (rolled, never published) does not break the lineage
        campaigns.add(Fakes.campaign(5, GR, CampaignState.DRAFT, Y2026, 1L, null, List.of()), null);
        campaigns.add(Fakes.campaign(6, GR, CampaignState.PUBLISHED, Y2026, 5L, null, List.of(1L, 2L)),
                List.of(Fakes.result(1, "80", "80", "80", false), Fakes.result(2, "79.99", "80", "80", false)));
        List<Hit> hits = run(new FallingScoreRule());
        assertEquals(List.of(2L), units(hits), "a drop of exactly 10 is not a warning, 10.01 is");
        assertEquals("10.01", hits.get(0).values().get("drop"));
        assertEquals("1", hits.get(0).values().get("previousCampaignId"));
    }

    @Test
    void fallingScoreNeedsAPreviousPeriod() {
        campaigns.add(Fakes.campaign(1, GR, CampaignState.PUBLISHED, Y2026, null, null, List.of(1L)),
                List.of(Fakes.result(1, "10", "10", "10", false)));
        assertEquals(List.of(), run(new FallingScoreRule()));
    }

    @Test
    void hotlineFiresBelowTheTargetOverTheLastCompleteMonth() {
        platform.put(GR, "hotline12345.onTimeRate", 1, "90");
        platform.put(GR, "hotline12345.onTimeRate", 2, "89.9");
        List<Hit> hits = run(new HotlineOnTimeRule());
        assertEquals(List.of(2L), units(hits));
        assertEquals("metric:hotline12345.onTimeRate:2026-10", hits.get(0).subject());
        assertEquals(LocalDate.of(2026, 10, 1), platform.windows.get(0)[0]);
        assertEquals(LocalDate.of(2026, 10, 31), platform.windows.get(0)[1]);
    }

    @Test
    void hotlineQuarterWindowIsTheLastCompleteQuarter() {
        config = new WarningConfig("", "60", "10", "hotline12345.onTimeRate", "90", "QUARTER", "7");
        platform.put(GR, "hotline12345.onTimeRate", 1, "50");
        List<Hit> hits = run(new HotlineOnTimeRule());
        assertEquals("metric:hotline12345.onTimeRate:2026-Q3", hits.get(0).subject());
        assertEquals(LocalDate.of(2026, 7, 1), platform.windows.get(0)[0]);
        assertEquals(LocalDate.of(2026, 9, 30), platform.windows.get(0)[1]);
    }

    @Test
    void hotlineWithoutTheMetricNotesItAndRaisesNothing() {
        Facts facts = new Facts(new Sources(registry, campaigns, platform, () -> staffing, () -> findings, () -> rectifications), Caller.system("t"), GR, TODAY, config);
        assertEquals(List.of(), new HotlineOnTimeRule().evaluate(facts));
        assertTrue(facts.notes().get(0).contains("未定义"));
    }

    @Test
    void overdueSelfReportFiresTheDayAfterTheDeadlineForUnitsWithoutAny() {
        campaigns.add(Fakes.campaign(1, GR, CampaignState.COLLECTING, Y2026, null, TODAY.minusDays(1), List.of(1L, 2L)), null);
        campaigns.add(Fakes.campaign(2, GR, CampaignState.COLLECTING, Y2026, null, TODAY, List.of(1L, 2L)), null);
        campaigns.coverage.put(1L, List.of(new CampaignService.Coverage(1, "单位1", List.of("A1")),
                new CampaignService.Coverage(2, "单位2", List.of("A1", "A2"))));
        campaigns.coverage.put(2L, List.of(new CampaignService.Coverage(2, "单位2", List.of("A1"))));
        campaigns.selfReport(11, 1, 1, "A2", true);
        List<Hit> hits = run(new OverdueSelfReportRule());
        assertEquals(List.of(2L), units(hits), "unit 1 reported something; campaign 2's deadline is today");
        assertEquals("campaign:1", hits.get(0).subject());
        assertEquals("1", hits.get(0).values().get("daysLate"));
    }

    @Test
    void missingEvidenceFiresForCurrentSelfReportsWithoutFiles() {
        campaigns.add(Fakes.campaign(1, GR, CampaignState.SCORING, Y2026, null, TODAY.minusDays(9), List.of(1L, 2L)), null);
        campaigns.selfReport(11, 1, 1, "A1", false);
        campaigns.selfReport(12, 1, 1, "A1", true);   // reported again with a file: the newest counts
        campaigns.selfReport(21, 1, 2, "A1", true);
        campaigns.selfReport(22, 1, 2, "A2", false);
        List<Hit> hits = run(new MissingEvidenceRule());
        assertEquals(List.of(2L), units(hits));
        assertEquals("A2", hits.get(0).values().get("codes"));
    }

    @Test
    void overdueRectificationFiresForItemsInStateOverdueOnly() {
        notices.put(GR, List.of(Fakes.notice(7, GR, 1, List.of(Fakes.item(71, 7, cn.supervision.api.rectification.ItemState.OVERDUE),
                        Fakes.item(72, 7, cn.supervision.api.rectification.ItemState.IN_PROGRESS))),
                Fakes.notice(8, GR, 2, List.of(Fakes.item(81, 8, cn.supervision.api.rectification.ItemState.CLAIMED)))));
        List<Hit> hits = run(new cn.supervision.warning.internal.rules.OverdueRectificationRule());
        assertEquals(List.of(1L), units(hits));
        assertEquals("rectification-item:71", hits.get(0).subject());
        assertEquals("2026-10-02", hits.get(0).values().get("overdueSince"));
    }

    @Test
    void publishedHistoryIsReadOncePerLineageNotPerUnit() {
        for (long id = 1; id <= 5; id++) {
            campaigns.add(Fakes.campaign(id, GR, CampaignState.PUBLISHED, new Period(Period.PeriodType.YEAR, 2021 + (int) id, null),
                    id == 1 ? null : id - 1, null, List.of(1L, 2L)),
                    List.of(Fakes.result(1, "90", "90", "90", false), Fakes.result(2, "90", "90", "90", false)));
        }
        Facts facts = new Facts(new Sources(registry, campaigns, platform, () -> staffing, () -> findings, () -> rectifications), Caller.system("t"), GR, TODAY, config);
        new VetoRule().evaluate(facts);
        new LowViewRule().evaluate(facts);
        new FallingScoreRule().evaluate(facts);
        assertEquals(3, campaigns.reads.get(), "one listing, the newest revision and its predecessor's");
    }
}
