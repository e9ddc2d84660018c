package cn.supervision.finding.internal;

import cn.supervision.api.problem.ProblemKind;


import static cn.supervision.finding.internal.Fixture.CITY;
import static cn.supervision.finding.internal.Fixture.CZJ_USER;
import static cn.supervision.finding.internal.Fixture.GUANGRAO;
import static cn.supervision.finding.internal.Fixture.LEADER;
import static cn.supervision.finding.internal.Fixture.LIJIN;
import static cn.supervision.finding.internal.Fixture.LJCZJ_USER;
import static cn.supervision.finding.internal.Fixture.NOW;
import static cn.supervision.finding.internal.Fixture.SFJ_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.FindingTransition;
import cn.supervision.api.followup.GenerationRule;
import cn.supervision.api.followup.ResultCodes;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;

class FindingServiceTest {
    static final GenerationRule RULE = new GenerationRule(new BigDecimal("0.6"), true, true);

    private final Fixture fx = new Fixture();
    private final JpaFindingService findings = fx.findings;

    @AfterEach
    void close() {
        fx.close();
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage() + " " + e.errors());
        return e;
    }

    static List<String> fields(SupervisionException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    static FindingDraft manual(long unitId, String description) {
        return new FindingDraft(unitId, FindingSource.of(SourceKind.MANUAL, "日常检查发现"), FindingCategory.STAFFING, Severity.GENERAL,
                description, null);
    }

    private Finding county(Caller by) {
        return findings.create(by, "370522", manual(3, "超编进人 2 名"));
    }

    @Test
    void validationNamesEveryFieldAtOnceAndWritesNothing() {
        SupervisionException empty = refused(ProblemKind.INVALID, () -> findings.create(CITY, "370500",
                new FindingDraft(0, null, null, null, " ", null)));
        assertEquals(List.of("unitId", "source", "category", "severity", "description"), fields(empty));

        SupervisionException bounded = refused(ProblemKind.INVALID, () -> findings.create(CITY, "370500", new FindingDraft(3,
                new FindingSource(SourceKind.INSPECTION, 10L, null, null, 4L, " "), FindingCategory.OTHER, Severity.GENERAL,
                "长".repeat(Texts.MAX_DESCRIPTION + 1), "证".repeat(Texts.MAX_EVIDENCE + 1))));
        assertEquals(List.of("unitId", "source.reference", "source.campaignId", "source.warningId", "description", "evidence"),
                fields(bounded), "a county's unit, the inspection's number, fields of other kinds, both texts too long");
        assertTrue(bounded.errors().get(0).message().contains("370500"), bounded.errors().get(0).message());

        assertEquals(List.of("source.warningId"), fields(refused(ProblemKind.INVALID, () -> findings.create(CITY, "370500", new FindingDraft(1,
                new FindingSource(SourceKind.WARNING, null, null, null, null, null), FindingCategory.STAFFING, Severity.SERIOUS, "超编", null)))));
        assertEquals(List.of("source.indicatorCode", "source.revision", "source.campaignId"), fields(refused(ProblemKind.INVALID, () -> findings.create(CITY,
                "370500", new FindingDraft(1, new FindingSource(SourceKind.CAMPAIGN_RESULT, null, null, null, null, null),
                        FindingCategory.OTHER, Severity.GENERAL, "x", null)))));
        assertEquals(List.of(), findings.list(CITY, null, null, null, 0, 100), "nothing written");
    }

    @Test
    void aCampaignResultSourceMustNameAPublishedCampaignOfTheJurisdictionItsTargetARevisionAndACode() {
        record Case(long unit, FindingSource source, String field) { }
        List<Case> cases = List.of(
                new Case(1, FindingSource.campaign(99, "D1.1", 1), "source.campaignId"),
                new Case(1, FindingSource.campaign(11, "D1.1", 1), "source.campaignId"),
                new Case(1, FindingSource.campaign(20, "D1.1", 1), "source.campaignId"),
                new Case(1, FindingSource.campaign(10, "D1.1", 3), "source.revision"),
                new Case(1, FindingSource.campaign(10, "X9", 1), "source.indicatorCode"),
                new Case(2, FindingSource.campaign(10, ResultCodes.GAP, 1), "source.indicatorCode"));
        for (Case c : cases) {
            SupervisionException e = refused(ProblemKind.INVALID, () -> findings.create(CITY, "370500", new FindingDraft(c.unit(), c.source(),
                    FindingCategory.DUTY_NOT_PERFORMED, Severity.GENERAL, "得分偏低", null)));
            assertEquals(List.of(c.field()), fields(e), c.toString());
        }
        assertTrue(refused(ProblemKind.INVALID, () -> findings.create(CITY, "370500", new FindingDraft(1, FindingSource.campaign(11, "D1.1", 1),
                FindingCategory.OTHER, Severity.GENERAL, "x", null))).errors().get(0).message().contains("COLLECTING"));

        Finding ok = findings.create(CITY, "370500", new FindingDraft(1, FindingSource.campaign(10, "V2", 2),
                FindingCategory.DUTY_NOT_PERFORMED, Severity.GRAVE, "  事故调查  ", " 调查报告 "));
        assertEquals(new FindingSource(SourceKind.CAMPAIGN_RESULT, 10L, "V2", 2, null, null), ok.source());
        assertEquals("事故调查", ok.description());
        assertEquals("东营市财政局", ok.unitName());
        assertEquals(NOW, ok.createdAt());
        refused(ProblemKind.CONFLICT, () -> findings.create(CITY, "370500", new FindingDraft(1, FindingSource.campaign(10, "V2", 2),
                FindingCategory.OTHER, Severity.GENERAL, "再次登记", null)));
    }

    @Test
    void statesMoveInOrderAndEveryStepIsKeptWithWhoWhenWhy() {
        Finding f = findings.create(CITY, "370500", manual(1, "内设机构职责交叉"));
        assertEquals(FindingState.OPEN, f.state());
        assertEquals(List.of("reason"), fields(refused(ProblemKind.INVALID, () -> findings.withdraw(CITY, f.id(), " "))));
        assertEquals(List.of("noticeId"), fields(refused(ProblemKind.INVALID, () -> findings.moveTo(CITY, f.id(), FindingState.IN_RECTIFICATION, null, null))));
        assertTrue(refused(ProblemKind.CONFLICT, () -> findings.moveTo(CITY, f.id(), FindingState.RECTIFIED, null, null)).getMessage().contains("OPEN"));

        Finding taken = findings.moveTo(CITY, f.id(), FindingState.IN_RECTIFICATION, 7L, null);
        assertEquals(FindingState.IN_RECTIFICATION, taken.state());
        assertEquals(7L, taken.noticeId());
        assertTrue(refused(ProblemKind.CONFLICT, () -> findings.withdraw(CITY, f.id(), "误报")).getMessage().contains("IN_RECTIFICATION"));
        assertTrue(refused(ProblemKind.CONFLICT, () -> findings.moveTo(CITY, f.id(), FindingState.IN_RECTIFICATION, 8L, null)).getMessage()
                .contains("IN_RECTIFICATION"), "a second notice does not take it over");
        Finding rectified = findings.moveTo(CITY, f.id(), FindingState.RECTIFIED, 7L, "验收合格");
        assertEquals(FindingState.RECTIFIED, rectified.state());
        assertEquals(7L, rectified.noticeId());
        assertTrue(refused(ProblemKind.CONFLICT, () -> findings.moveTo(CITY, f.id(), FindingState.OPEN, null, "重开")).getMessage().contains("RECTIFIED"));

        List<FindingTransition> h = findings.history(CITY, f.id());
        assertEquals(List.of(new FindingTransition(f.id(), null, FindingState.OPEN, null, "登记问题", "city-admin", NOW),
                new FindingTransition(f.id(), FindingState.OPEN, FindingState.IN_RECTIFICATION, 7L, "纳入整改通知 7", "city-admin", NOW),
                new FindingTransition(f.id(), FindingState.IN_RECTIFICATION, FindingState.RECTIFIED, 7L, "验收合格", "city-admin", NOW)), h);

        Finding other = findings.create(CITY, "370500", manual(2, "重复检查"));
        assertEquals(FindingState.WITHDRAWN, findings.withdraw(CITY, other.id(), "与问题 " + f.id() + " 重复").state());
        assertTrue(refused(ProblemKind.CONFLICT, () -> findings.moveTo(CITY, other.id(), FindingState.IN_RECTIFICATION, 9L, null)).getMessage()
                .contains("WITHDRAWN"));
        assertEquals("与问题 " + f.id() + " 重复", findings.history(CITY, other.id()).get(1).reason());
        refused(ProblemKind.NOT_FOUND, () -> findings.get(CITY, 999));
    }

    @Test
    void generationPreviewsExactlyWhatItCreatesLinkedToScoresAndNeverTwice() {
        List<FindingDraft> preview = findings.preview(CITY, 10, RULE);
        assertEquals(List.of("D1.1", "C3.1", "V1", ResultCodes.GAP), preview.stream().map(d -> d.source().indicatorCode()).toList(),
                "weak leaves of the campaign's categories (not C1.1, peer review), the triggered veto, the gap; unit 2 has none");
        assertTrue(preview.stream().allMatch(d -> d.unitId() == 1 && d.source().campaignId() == 10 && d.source().revision() == 2),
                "the revision in force");
        FindingDraft d11 = preview.get(0);
        assertEquals(FindingCategory.DUTY_NOT_PERFORMED, d11.category());
        assertEquals(Severity.SERIOUS, d11.severity());
        assertTrue(d11.description().contains("三定规定主要职责履行") && d11.description().contains("得分 3") && d11.description().contains("满分 12")
                && d11.description().contains("25%") && d11.description().contains("60%"), d11.description());
        assertTrue(d11.evidence().contains("按办结率计分"), d11.evidence());
        assertEquals(List.of(FindingCategory.PROCESS_MECHANISM, FindingCategory.DISCIPLINE, FindingCategory.DUTY_NOT_PERFORMED),
                preview.subList(1, 4).stream().map(FindingDraft::category).toList());
        assertEquals(List.of(Severity.GRAVE, Severity.GRAVE, Severity.SERIOUS), preview.subList(1, 4).stream().map(FindingDraft::severity).toList());
        assertEquals(List.of(), findings.list(CITY, "370500", null, null, 0, 100), "a preview writes nothing");

        List<Finding> created = findings.generate(CITY, 10, RULE);
        assertEquals(preview, created.stream().map(f -> new FindingDraft(f.unitId(), f.source(), f.category(), f.severity(),
                f.description(), f.evidence())).toList());
        assertTrue(created.stream().allMatch(f -> f.state() == FindingState.OPEN && "东营市财政局".equals(f.unitName())));

        assertEquals(List.of(), findings.preview(CITY, 10, RULE));
        assertEquals(ProblemKind.CONFLICT, refused(ProblemKind.CONFLICT, () -> findings.create(CITY, "370500", new FindingDraft(1, FindingSource.campaign(10, "D1.1", 1),
                FindingCategory.DUTY_NOT_PERFORMED, Severity.GENERAL, "第 1 版中同一指标", null))).kind(),
                "the same indicator in an earlier revision is the same problem");
        assertEquals(List.of(), findings.generate(CITY, 10, RULE), "not twice for the same unit, code and revision");
        findings.withdraw(CITY, created.get(0).id(), "已在专项检查中处理");
        assertEquals(List.of(), findings.generate(CITY, 10, RULE), "a withdrawn one is not generated again either");
        assertEquals(List.of(), findings.generate(CITY, 10, new GenerationRule(BigDecimal.ONE, false, false)),
                "a higher share finds no leaf that is not already recorded (D1.2 and unit 2 score full marks)");
        assertEquals(4, findings.list(CITY, "370500", 1L, null, 0, 100).size());
        assertEquals(3, findings.list(CITY, "370500", null, FindingState.OPEN, 0, 100).size());
        assertEquals(2, findings.list(CITY, "370500", null, null, 1, 2).size(), "paged after authority");
    }

    @Test
    void generationNeedsAPublishedCampaignASensibleShareAndTheOwnOffice() {
        assertTrue(refused(ProblemKind.CONFLICT, () -> findings.preview(CITY, 11, RULE)).getMessage().contains("COLLECTING"));
        assertEquals(List.of("belowShare"), fields(refused(ProblemKind.INVALID, () -> findings.preview(CITY, 10, new GenerationRule(BigDecimal.ZERO, true, true)))));
        assertEquals(List.of("belowShare"), fields(refused(ProblemKind.INVALID, () -> findings.preview(CITY, 10, new GenerationRule(new BigDecimal("1.5"), true, true)))));
        assertEquals(List.of("body"), fields(refused(ProblemKind.INVALID, () -> findings.generate(CITY, 10, null))));
        refused(ProblemKind.FORBIDDEN, () -> findings.preview(LIJIN, 10, RULE));
        refused(ProblemKind.FORBIDDEN, () -> findings.generate(CITY, 20, RULE));
        refused(ProblemKind.FORBIDDEN, () -> findings.generate(CZJ_USER, 10, RULE));
        refused(ProblemKind.NOT_FOUND, () -> findings.generate(CITY, 99, RULE));
        assertEquals(List.of("D1.1", "C3.1"), findings.preview(CITY, 10, new GenerationRule(new BigDecimal("0.6"), false, false)).stream()
                .map(d -> d.source().indicatorCode()).toList());
        assertEquals(4, findings.generate(LIJIN, 20, RULE).size(), "the county generates from its own campaign");
    }

    @Test
    void aCountySeesNoOtherCountyAndTheCityReadsACountysFindingOnlyOnceNotified() {
        Finding f = county(LIJIN);
        refused(ProblemKind.FORBIDDEN, () -> findings.create(GUANGRAO, "370522", manual(3, "x")));
        refused(ProblemKind.FORBIDDEN, () -> findings.create(CITY, "370522", manual(3, "x")));
        refused(ProblemKind.FORBIDDEN, () -> findings.get(GUANGRAO, f.id()));
        refused(ProblemKind.FORBIDDEN, () -> findings.get(CITY, f.id()));
        refused(ProblemKind.FORBIDDEN, () -> findings.history(CITY, f.id()));
        refused(ProblemKind.FORBIDDEN, () -> findings.get(LJCZJ_USER, f.id()));
        assertEquals(List.of(), findings.list(CITY, null, null, null, 0, 100));
        assertEquals(List.of(), findings.list(LJCZJ_USER, null, null, null, 0, 100));
        refused(ProblemKind.FORBIDDEN, () -> findings.list(GUANGRAO, "370522", null, null, 0, 100));

        findings.moveTo(LIJIN, f.id(), FindingState.IN_RECTIFICATION, 3L, null);
        assertEquals(f.id(), findings.get(CITY, f.id()).id());
        assertEquals(f.id(), findings.get(LJCZJ_USER, f.id()).id());
        assertEquals(1, findings.list(CITY, null, null, null, 0, 100).size());
        assertEquals(1, findings.list(LJCZJ_USER, null, null, null, 0, 100).size());
        assertEquals(2, findings.history(CITY, f.id()).size());
        refused(ProblemKind.FORBIDDEN, () -> findings.get(GUANGRAO, f.id()));
        refused(ProblemKind.FORBIDDEN, () -> findings.moveTo(CITY, f.id(), FindingState.RECTIFIED, null, "代为验收"));
        refused(ProblemKind.FORBIDDEN, () -> findings.moveTo(LJCZJ_USER, f.id(), FindingState.RECTIFIED, null, "自行销号"));
    }

    @Test
    void unitUsersReadTheirOwnNotifiedFindingsOnlyAndLeadersReadTheirOffices() {
        Finding own = findings.create(CITY, "370500", manual(1, "财政局问题"));
        Finding other = findings.create(CITY, "370500", manual(2, "司法局问题"));
        refused(ProblemKind.FORBIDDEN, () -> findings.get(CZJ_USER, own.id()));
        assertEquals(2, findings.list(LEADER, null, null, null, 0, 100).size());
        refused(ProblemKind.FORBIDDEN, () -> findings.create(LEADER, "370500", manual(1, "x")));
        refused(ProblemKind.FORBIDDEN, () -> findings.create(CZJ_USER, "370500", manual(1, "x")));

        findings.moveTo(CITY, own.id(), FindingState.IN_RECTIFICATION, 1L, null);
        findings.moveTo(CITY, other.id(), FindingState.IN_RECTIFICATION, 2L, null);
        assertEquals(own.id(), findings.get(CZJ_USER, own.id()).id());
        refused(ProblemKind.FORBIDDEN, () -> findings.get(CZJ_USER, other.id()));
        assertEquals(List.of(own.id()), findings.list(CZJ_USER, null, null, null, 0, 100).stream().map(Finding::id).toList());
        assertEquals(List.of(other.id()), findings.list(SFJ_USER, "370500", null, null, 0, 100).stream().map(Finding::id).toList());
        refused(ProblemKind.FORBIDDEN, () -> findings.withdraw(CZJ_USER, own.id(), "不认可"));
    }
}
