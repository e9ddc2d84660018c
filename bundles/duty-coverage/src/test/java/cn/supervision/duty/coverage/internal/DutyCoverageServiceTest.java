package cn.supervision.duty.coverage.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.duty.coverage.internal.FakeCampaigns.campaign;
import static cn.supervision.duty.coverage.internal.FakeCampaigns.leaf;
import static cn.supervision.duty.coverage.internal.Fixture.CITY;
import static cn.supervision.duty.coverage.internal.Fixture.GR;
import static cn.supervision.duty.coverage.internal.Fixture.LEADER;
import static cn.supervision.duty.coverage.internal.Fixture.LIJIN;
import static cn.supervision.duty.coverage.internal.Fixture.LJ;
import static cn.supervision.duty.coverage.internal.Fixture.OFFICE;
import static cn.supervision.duty.coverage.internal.Fixture.UNIT;
import static cn.supervision.duty.coverage.internal.Fixture.quarter;
import static cn.supervision.duty.coverage.internal.Fixture.unit;
import static cn.supervision.duty.coverage.internal.Fixture.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.duty.AssessedBy;
import cn.supervision.api.duty.DutyAssessment;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.duty.UnitCoverage;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.testing.FakeRegistry;

class DutyCoverageServiceTest {
    // 广饶: CZJ (unit 1, duties 1001-1003), GAJ (unit 2, duties 2001-2002), an abolished unit 3; 利津: unit 4
    final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(
            unit(1, GR, "CZJ", UnitStatus.ACTIVE, 3), unit(2, GR, "GAJ", UnitStatus.ACTIVE, 2),
            unit(3, GR, "OLD", UnitStatus.ABOLISHED, 2), unit(4, LJ, "LJCZ", UnitStatus.ACTIVE, 2)));
    final FakeCampaigns campaigns = new FakeCampaigns(registry.access());
    final DutyCoverageService service = new DutyCoverageService(registry, registry, campaigns, Fixture.systems());

    {
        // 2026, collecting: CZJ's duty 1 scored, duty 2 expanded but not yet scored, duty 3 without a leaf; GAJ no leaves
        campaigns.add(campaign(10, GR, CampaignState.COLLECTING, year(2026), 100, List.of(1L, 2L)),
                leaf(10, 1, 1001, 1, "8"), leaf(10, 1, 1002, 2, null));
        // published 2025 and 2026 Q2 campaigns, a 2024 one, and a county campaign of 利津
        campaigns.add(campaign(11, GR, CampaignState.PUBLISHED, year(2025), 100, List.of(1L, 2L)), leaf(11, 1, 1001, 1, "9"));
        campaigns.add(campaign(12, GR, CampaignState.PUBLISHED, quarter(2026, 2), 100, List.of(1L, 2L)),
                leaf(12, 1, 1002, 2, "6"), leaf(12, 2, 2001, 1, "9.5"), leaf(12, 3, 3001, 1, "7"));
        campaigns.add(campaign(13, GR, CampaignState.PUBLISHED, year(2024), 100, List.of(1L, 2L)), leaf(13, 2, 2002, 2, "4"));
        campaigns.add(campaign(14, LJ, CampaignState.PUBLISHED, year(2026), 100, List.of(4L)), leaf(14, 4, 4001, 1, "5"));
        campaigns.add(campaign(15, GR, CampaignState.DRAFT, year(2026), 100, List.of()));
    }

    static DutyAssessment item(DutyCoverage c, long unitId, long dutyId) {
        return unitOf(c, unitId).items().stream().filter(i -> i.dutyId() == dutyId).findFirst().orElseThrow();
    }

    static UnitCoverage unitOf(DutyCoverage c, long unitId) {
        return c.units().stream().filter(u -> u.unitId() == unitId).findFirst().orElseThrow();
    }

    @Test
    void campaignViewShowsEveryTargetUnitWithItsDutiesAndWhatScoredThem() {
        DutyCoverage c = service.ofCampaign(OFFICE, 10);
        assertEquals(10L, c.campaignId());
        assertNull(c.year());
        assertEquals(GR, c.jurisdictionCode());
        assertEquals(List.of(1L, 2L), c.units().stream().map(UnitCoverage::unitId).toList());
        assertEquals(5, c.duties());
        assertEquals(1, c.assessed(), "a leaf without a score does not count");

        UnitCoverage czj = unitOf(c, 1);
        assertEquals(List.of(1, 2, 3), czj.items().stream().map(DutyAssessment::number).toList());
        assertEquals(3, czj.duties());
        assertEquals(1, czj.assessed());
        DutyAssessment d1 = item(c, 1, 1001);
        assertTrue(d1.assessed());
        assertEquals("冻结的职责1", d1.text(), "the wording the campaign froze");
        assertEquals(List.of(new AssessedBy(10, "监管10", "A1", "履行主要职责", "A1-1", new BigDecimal("8"), new BigDecimal("10"))),
                d1.assessedBy());
        assertFalse(item(c, 1, 1002).assessed());
        assertEquals(List.of(), item(c, 1, 1002).assessedBy());
        DutyAssessment d3 = item(c, 1, 1003);
        assertFalse(d3.assessed(), "a duty without a leaf is shown, unassessed");
        assertEquals("CZJ职责3", d3.text());

        UnitCoverage gaj = unitOf(c, 2);
        assertEquals(2, gaj.duties(), "a target unit without duty-driven leaves shows all its duties");
        assertEquals(0, gaj.assessed());
        assertEquals("单位GAJ", gaj.unitName());
        assertEquals("GAJ", gaj.unitCode());
    }

    @Test
    void yearViewCountsEveryActiveUnitAgainstEveryCampaignOfTheYear() {
        DutyCoverage c = service.ofYear(OFFICE, GR, 2026);
        assertEquals(2026, c.year());
        assertNull(c.campaignId());
        assertEquals(List.of(1L, 2L), c.units().stream().map(UnitCoverage::unitId).toList(), "the abolished unit is left out");
        assertEquals(5, c.duties());
        // 1001 by campaign 10 (2026), 1002 by 12 (2026 Q2), 2001 by 12; 2002 only in 2024, 1003 never
        assertEquals(3, c.assessed());
        assertEquals(List.of(10L), item(c, 1, 1001).assessedBy().stream().map(AssessedBy::campaignId).toList(),
                "the 2025 campaign is another year");
        assertEquals(new BigDecimal("6"), item(c, 1, 1002).assessedBy().get(0).score());
        assertTrue(item(c, 2, 2001).assessed());
        assertFalse(item(c, 2, 2002).assessed());
        assertFalse(item(c, 1, 1003).assessed());
        assertEquals("CZJ职责3", item(c, 1, 1003).text(), "the directory's wording in the year view");

        DutyCoverage y2025 = service.ofYear(OFFICE, GR, 2025);
        assertEquals(1, y2025.assessed());
        assertTrue(item(y2025, 1, 1001).assessed());

        assertEquals(0, service.ofYear(OFFICE, GR, 2023).assessed());
        assertEquals(5, service.ofYear(OFFICE, GR, 2023).duties());
    }

    @Test
    void aLeaderReadsAndTheCityReadsOnlyPublishedCountyCampaigns() {
        assertEquals(3, service.ofYear(LEADER, GR, 2026).assessed());
        DutyCoverage city = service.ofYear(CITY, GR, 2026);
        assertEquals(2, city.assessed(), "campaign 10 is still collecting: the city does not see its scores");
        assertFalse(item(city, 1, 1001).assessed());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.ofCampaign(CITY, 10)).kind());
        assertEquals(1, service.ofCampaign(CITY, 12).units().get(0).assessed());
    }

    @Test
    void notAssessedListsActiveDutiesWithoutAScoreInTheWindowAndTheLastYearOneHad() {
        List<StaleDuty> oneYear = service.notAssessed(OFFICE, GR, 1, 2026);
        assertEquals(List.of(1003L, 2002L), oneYear.stream().map(StaleDuty::dutyId).toList());
        assertNull(oneYear.get(0).lastAssessedYear(), "never assessed");
        assertEquals(2024, oneYear.get(1).lastAssessedYear());
        assertEquals("单位GAJ", oneYear.get(1).unitName());
        assertEquals(2, oneYear.get(1).number());
        assertEquals(2L, oneYear.get(1).unitId());

        assertEquals(List.of(1003L), service.notAssessed(OFFICE, GR, 3, 2026).stream().map(StaleDuty::dutyId).toList());
        // up to 2025: the 2026 campaigns are beyond the window and tell nothing
        List<StaleDuty> until2025 = service.notAssessed(OFFICE, GR, 1, 2025);
        assertEquals(List.of(1002L, 1003L, 2001L, 2002L), until2025.stream().map(StaleDuty::dutyId).toList());
        assertNull(until2025.get(0).lastAssessedYear());
        assertEquals(2024, until2025.get(3).lastAssessedYear());
        assertEquals(List.of(1001L, 1003L, 2002L), service.notAssessed(CITY, GR, 1, 2026).stream().map(StaleDuty::dutyId).toList(),
                "for the city, the collecting campaign 10 does not count");
    }

    @Test
    void badWindowsAndUnknownJurisdictionsAreRefused() {
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> service.notAssessed(OFFICE, GR, 0, 2026)).kind());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> service.notAssessed(OFFICE, GR, 31, 2026)).kind());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> service.ofYear(OFFICE, null, 2026)).kind());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> service.ofYear(OFFICE, "379999", 2026)).kind());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> service.ofCampaign(OFFICE, 999)).kind());
    }

    @Test
    void unitUsersAndOtherCountiesAreRefused() {
        assertRefused(() -> service.ofCampaign(UNIT, 12));
        assertRefused(() -> service.ofYear(UNIT, GR, 2026));
        assertRefused(() -> service.notAssessed(UNIT, GR, 3, 2026));
        assertRefused(() -> service.ofCampaign(LIJIN, 12));
        assertRefused(() -> service.ofYear(LIJIN, GR, 2026));
        assertRefused(() -> service.notAssessed(LIJIN, GR, 3, 2026));
        assertRefused(() -> service.ofYear(OFFICE, LJ, 2026));
        assertEquals(1, service.ofYear(LIJIN, LJ, 2026).assessed(), "利津 reads its own");
    }

    static void assertRefused(Executable call) {
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, call).kind());
    }
}
