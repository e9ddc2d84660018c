package cn.supervision.reporting.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.reporting.internal.Fixture.CITY;
import static cn.supervision.reporting.internal.Fixture.CZJ;
import static cn.supervision.reporting.internal.Fixture.LIJIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.UnitRectificationStatus;

class ResultDocumentsTest {
    Fixture f;
    ResultDocuments service;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        f.unit(1, "CZJ", "东营市财政局");
        f.unit(2, "JYJ", "东营市教育局");
        f.unit(3, "MZJ", "东营市民政局");
        f.unit(4, "SWJ", "东营市商务局");
        f.campaigns.put(7L, Fixture.campaign(7, CampaignState.PUBLISHED, List.of(1L, 2L, 3L, 4L)));
        f.campaigns.put(8L, Fixture.campaign(8, CampaignState.COLLECTING, List.of(1L, 2L)));
        f.revisions.put(7L, List.of(
                new ResultRevision(7, 1, "发布", "city-admin", Fixture.PUBLISHED, List.of()),
                new ResultRevision(7, 2, "更正", "city-admin", Instant.parse("2026-11-25T02:00:00Z"), List.of(
                        Fixture.result(2, "东营市教育局", "95.00", "优秀", 1, "57", "38", false),
                        Fixture.result(1, "东营市财政局", "80.50", "良好", 2, "48", "32.5", true),
                        Fixture.result(4, "东营市商务局", "70.00", "良好", 3, "40", "30", false),
                        Fixture.result(3, "东营市民政局", "55.25", "较差", 4, "30", "25.25", false)))));
        Instant inYear = Instant.parse("2026-06-01T00:00:00Z");
        f.findings.add(Fixture.finding(11, 1, "东营市财政局", FindingCategory.DUTY_NOT_PERFORMED, FindingSource.campaign(7, "A1", 1),
                FindingState.IN_RECTIFICATION, "预算评审职责履行不到位", inYear));
        f.findings.add(Fixture.finding(12, 3, "东营市民政局", FindingCategory.DUTY_NOT_PERFORMED, FindingSource.campaign(7, "A1", 1),
                FindingState.OPEN, "社会救助审核不及时", inYear));
        f.findings.add(Fixture.finding(13, 3, "东营市民政局", FindingCategory.STAFFING, FindingSource.of(SourceKind.INSPECTION, "东审〔2026〕3号"),
                FindingState.OPEN, "超编进人 2 名", inYear));
        // not the campaign's: withdrawn, another campaign, another year
        f.findings.add(Fixture.finding(14, 3, "东营市民政局", FindingCategory.STAFFING, FindingSource.campaign(7, "B1", 1),
                FindingState.WITHDRAWN, "已撤销的问题", inYear));
        f.findings.add(Fixture.finding(15, 3, "东营市民政局", FindingCategory.DISCIPLINE, FindingSource.campaign(6, "B1", 1),
                FindingState.OPEN, "上一活动的问题", inYear));
        f.findings.add(Fixture.finding(16, 3, "东营市民政局", FindingCategory.DISCIPLINE, FindingSource.of(SourceKind.MANUAL, "来信"),
                FindingState.OPEN, "去年的问题", Instant.parse("2025-06-01T00:00:00Z")));
        f.status.add(new UnitRectificationStatus("370500", 1, "CZJ", "东营市财政局", 2026, 1, 2, 1, 1, 0, 0));
        f.status.add(new UnitRectificationStatus("370500", 3, "MZJ", "东营市民政局", 2026, 1, 3, 0, 0, 3, 1));
        f.status.add(new UnitRectificationStatus("370500", 3, "MZJ", "东营市民政局", 2025, 4, 4, 4, 0, 0, 0));
        f.notices.add(new Notice(5, "〔2026〕5号", "370500", 1, "CZJ", "东营市财政局", LocalDate.of(2026, 11, 21), LocalDate.of(2026, 12, 31),
                "整改报告和会议纪要", NoticeState.ISSUED, null, List.of(
                        Fixture.item(51, 5, 11, "预算评审职责履行不到位", ItemState.PLANNED, LocalDate.of(2026, 12, 20)),
                        Fixture.item(52, 5, 99, "内设机构超职数配备", ItemState.NOTIFIED, null)),
                List.of(), List.of(), "city-admin", Instant.EPOCH));
        f.notices.add(new Notice(4, "〔2024〕4号", "370500", 1, "CZJ", "东营市财政局", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 1),
                null, NoticeState.CLOSED, null, List.of(Fixture.item(41, 4, 98, "早年的问题", ItemState.CLOSED, null)),
                List.of(), List.of(), "city-admin", Instant.EPOCH));
        f.inputs.put("7/1", List.of(
                new InputRecord(101, 7, 1, "A1", IndicatorInput.value(new BigDecimal("70")), InputSource.SELF_REPORT, "自评", "czj-user",
                        Instant.parse("2026-09-01T01:00:00Z"), ReviewStatus.ACCEPTED, null, "city-admin"),
                new InputRecord(102, 7, 1, "A1", IndicatorInput.value(new BigDecimal("99")), InputSource.SELF_REPORT, "再次自评",
                        "czj-user", Instant.parse("2026-09-02T01:00:00Z"), ReviewStatus.RETURNED, "依据不足", "city-admin"),
                new InputRecord(103, 7, 1, "B1", new IndicatorInput(new BigDecimal("0"), null, null, null, null, "实名制管理系统"),
                        InputSource.PLATFORM_DATA, "批次 12、13 汇总", "city-admin", Instant.parse("2026-09-03T08:30:00Z"),
                        ReviewStatus.ACCEPTED, null, null),
                new InputRecord(104, 7, 1, "D1", IndicatorInput.occurrences(1), InputSource.OFFICE, "逾期报送 1 次", "city-admin",
                        Instant.parse("2026-09-04T01:00:00Z"), ReviewStatus.ACCEPTED, null, null)));
        service = f.service();
    }

    @Test
    void campaignReportModelFieldByField() {
        service.campaignReport(CITY, 7, DocumentFormat.PDF);
        assertEquals(1, f.generated.size());
        DocumentRequest r = f.generated.get(0);
        assertEquals(DocumentKind.CAMPAIGN_REPORT, r.kind());
        assertEquals("370500", r.jurisdictionCode());
        assertEquals("campaign:7", r.subject());
        assertNull(r.unitCode());
        assertEquals(DocumentFormat.PDF, r.format());
        assertEquals("2026年度部门履职监管工作报告", r.title());
        Map<String, Object> m = r.model();
        assertEquals(r.title(), m.get("title"));
        assertEquals("2026年度部门履职", m.get("campaignName"));
        assertEquals("2026年", m.get("period"));
        assertEquals(2, m.get("revision"));

        Map<?, ?> summary = (Map<?, ?>) m.get("summary");
        assertEquals(4, summary.get("unitCount"));
        assertEquals("75.19", summary.get("average")); // (95 + 80.5 + 70 + 55.25) / 4 = 75.1875
        assertEquals("95.00", summary.get("highest"));
        assertEquals("东营市教育局", summary.get("highestUnit"));
        assertEquals("55.25", summary.get("lowest"));
        assertEquals("东营市民政局", summary.get("lowestUnit"));
        assertEquals("2026年11月20日", summary.get("publishedAt"), "the first revision's date, not the correction's");

        assertEquals(List.of(Map.of("grade", "优秀", "count", 1, "share", "25.0%"), Map.of("grade", "良好", "count", 2, "share", "50.0%"),
                Map.of("grade", "较差", "count", 1, "share", "25.0%")), m.get("grades"));

        List<?> ranking = (List<?>) m.get("ranking");
        assertEquals(4, ranking.size());
        assertEquals(Map.of("rank", 1, "unitCode", "JYJ", "unitName", "东营市教育局", "total", "95.00", "grade", "优秀"), ranking.get(0));
        assertEquals(Map.of("rank", 4, "unitCode", "MZJ", "unitName", "东营市民政局", "total", "55.25", "grade", "较差"), ranking.get(3));

        assertEquals(List.of(
                Map.of("category", "职责履行不到位", "count", 2, "examples", "东营市财政局：预算评审职责履行不到位；东营市民政局：社会救助审核不及时"),
                Map.of("category", "编制使用问题", "count", 1, "examples", "东营市民政局：超编进人 2 名")), m.get("problems"));

        Map<?, ?> rect = (Map<?, ?>) m.get("rectification");
        assertEquals(2, rect.get("notices"));
        assertEquals(5, rect.get("items"));
        assertEquals(1, rect.get("itemsClosed"));
        assertEquals(3, rect.get("itemsOpen"));
        assertEquals(1, rect.get("overdue"));
        assertEquals(1, rect.get("escalations"));

        List<String> suggestions = ((List<?>) m.get("suggestions")).stream().map(s -> (String) ((Map<?, ?>) s).get("text")).toList();
        // A1: (57+48+40+30)/240 = 72.9%, B1: (38+32.5+30+25.25)/160 = 78.6%
        assertTrue(suggestions.get(0).startsWith("“职责履行”（A1）平均得分率为 72.9%"), suggestions.get(0));
        assertTrue(suggestions.get(1).startsWith("“编制使用”（B1）平均得分率为 78.6%"), suggestions.get(1));
        assertTrue(suggestions.stream().anyMatch(s -> s.startsWith("评为较差、差等次的 1 个单位（东营市民政局）")), suggestions.toString());
        assertTrue(suggestions.stream().anyMatch(s -> s.startsWith("1 个单位（东营市财政局）职责履行与印证评价差异较大")), suggestions.toString());
        assertTrue(suggestions.stream().anyMatch(s -> s.startsWith("尚有 1 项整改事项逾期")), suggestions.toString());
        assertTrue(suggestions.stream().anyMatch(s -> s.startsWith("3 项整改事项正在整改中")), suggestions.toString());
    }

    @Test
    void chartIsAPngDataUriOfTheGradeBars() throws Exception {
        service.campaignReport(CITY, 7, DocumentFormat.DOCX);
        String uri = (String) f.generated.get(0).model().get("chartImage");
        assertTrue(uri.startsWith("data:image/png;base64,"), uri.substring(0, 30));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()))));
        assertEquals(ChartPainter.WIDTH, image.getWidth());
        assertEquals(ChartPainter.HEIGHT, image.getHeight());
    }

    @Test
    void anotherCountyAUnitAndAnUnpublishedCampaignAreRefusedBeforeAnythingIsGathered() {
        SupervisionException e = assertThrows(SupervisionException.class, () -> service.campaignReport(LIJIN, 7, DocumentFormat.PDF));
        assertEquals(ProblemKind.FORBIDDEN, e.kind());
        e = assertThrows(SupervisionException.class, () -> service.campaignReport(CZJ, 7, DocumentFormat.PDF));
        assertEquals(ProblemKind.FORBIDDEN, e.kind());
        assertEquals(2, f.reads.get(), "only the campaign itself was read");
        e = assertThrows(SupervisionException.class, () -> service.campaignReport(CITY, 404, DocumentFormat.PDF));
        assertEquals(ProblemKind.NOT_FOUND, e.kind());
        e = assertThrows(SupervisionException.class, () -> service.campaignReport(CITY, 8, DocumentFormat.PDF));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("采集中"), e.getMessage());
        // being scored: not even the own office, for either report (what is generated can be issued to the units)
        f.campaigns.put(9L, Fixture.campaign(9, CampaignState.SCORING, List.of(1L, 2L)));
        e = assertThrows(SupervisionException.class, () -> service.campaignReport(CITY, 9, DocumentFormat.PDF));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("评分中"), e.getMessage());
        e = assertThrows(SupervisionException.class, () -> service.unitReport(CITY, 9, 1L, DocumentFormat.PDF));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("评分中"), e.getMessage());
        e = assertThrows(SupervisionException.class, () -> service.campaignReport(CITY, 7, null));
        assertEquals(ProblemKind.INVALID, e.kind());
        assertTrue(f.generated.isEmpty());
    }

    @Test
    void unitReportCarriesEachIndicatorsProvenance() {
        service.unitReport(CITY, 7, 1, DocumentFormat.PDF);
        DocumentRequest r = f.generated.get(0);
        assertEquals(DocumentKind.UNIT_REPORT, r.kind());
        assertEquals("campaign:7/unit:CZJ", r.subject());
        assertEquals("CZJ", r.unitCode());
        assertEquals("东营市财政局监管报告（2026年度部门履职）", r.title());
        Map<String, Object> m = r.model();
        assertEquals("CZJ", m.get("unitCode"));
        assertEquals("东营市财政局", m.get("unitName"));
        assertEquals("2026年度部门履职", m.get("campaignName"));
        assertEquals("80.50", m.get("total"));
        assertEquals("良好", m.get("grade"));
        assertEquals(2, m.get("rank"));
        List<?> indicators = (List<?>) m.get("indicators");
        assertEquals(3, indicators.size(), "two leaves and the triggered deduction; the untouched bonus is left out");
        Map<?, ?> a1 = (Map<?, ?>) indicators.get(0);
        assertEquals("A1", a1.get("code"));
        assertEquals("职责履行", a1.get("name"));
        assertEquals("60.00", a1.get("weight"));
        assertEquals("48.00 / 60.00", a1.get("score"));
        assertEquals("单位自评：自评", a1.get("source"), "the accepted self-report, not the returned one after it");
        assertEquals("czj-user（审核：city-admin）", a1.get("recordedBy"));
        assertEquals("2026-09-01 09:00", a1.get("recordedAt"));
        assertEquals("评分规则：按完成率计分；计分：完成率 48", a1.get("basis"));
        Map<?, ?> b1 = (Map<?, ?>) indicators.get(1);
        assertEquals("平台数据（实名制管理系统）：批次 12、13 汇总", b1.get("source"));
        assertEquals("city-admin", b1.get("recordedBy"));
        assertEquals("2026-09-03 16:30", b1.get("recordedAt"));
        Map<?, ?> d1 = (Map<?, ?>) indicators.get(2);
        assertEquals("未按期报送（扣分项）", d1.get("name"));
        assertEquals("-2.00", d1.get("score"));
        assertEquals("编办录入：逾期报送 1 次", d1.get("source"));
        assertEquals("计分：逾期 1 次，扣 2 分", d1.get("basis"));

        assertEquals(List.of(Map.of("title", "预算评审职责履行不到位", "category", "职责履行不到位", "severity", "较重", "state", "整改中")),
                m.get("findings"));
        assertEquals(List.of(
                Map.of("item", "预算评审职责履行不到位", "notice", "〔2026〕5号", "state", "已报整改方案", "deadline", "2026年12月20日"),
                Map.of("item", "内设机构超职数配备", "notice", "〔2026〕5号", "state", "待报整改方案", "deadline", "2026年12月31日")),
                m.get("rectification"), "the 2024 notice is neither of the period nor of the campaign's findings");
    }

    @Test
    void unitReportOfAUnitOutsideTheCampaignIs404AndAUnitUserIsRefused() {
        f.unit(9, "XXJ", "东营市某局");
        service = f.service();
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> service.unitReport(CITY, 7, 9, DocumentFormat.PDF)).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.unitReport(CZJ, 7, 1, DocumentFormat.PDF)).kind());
        assertTrue(f.generated.isEmpty());
    }

    @Test
    void rectificationNoticeIsAddressedToTheUnit() {
        service.rectificationNotice(CITY, 5, DocumentFormat.DOCX);
        DocumentRequest r = f.generated.get(0);
        assertEquals(DocumentKind.RECTIFICATION_NOTICE, r.kind());
        assertEquals("notice:5", r.subject());
        assertEquals("CZJ", r.unitCode());
        assertEquals("关于东营市财政局限期整改的通知", r.title());
        Map<String, Object> m = r.model();
        assertEquals("东营市财政局", m.get("addressee"));
        assertEquals("2026年12月31日", m.get("deadline"));
        assertEquals("city-admin，联系电话：0546-8888888", m.get("contact"));
        List<?> items = (List<?>) m.get("items");
        assertEquals(Map.of("no", 1, "title", "预算评审职责履行不到位", "deadline", "2026年12月20日",
                "requirement", "针对该问题制定整改措施，于 2026年12月20日 前整改到位，报送佐证材料（整改报告和会议纪要）"), items.get(0));
        assertEquals(2, ((Map<?, ?>) items.get(1)).get("no"));
        assertEquals("2026年12月31日", ((Map<?, ?>) items.get(1)).get("deadline"));
        List<?> paragraphs = (List<?>) m.get("paragraphs");
        assertTrue(((String) ((Map<?, ?>) paragraphs.get(0)).get("text")).contains("以下 2 个问题"));
        assertEquals(1, paragraphs.size(), "the template writes the closing requirements itself");
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.rectificationNotice(LIJIN, 5, DocumentFormat.PDF)).kind());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> service.rectificationNotice(CITY, 77, DocumentFormat.PDF)).kind());
    }

    @Test
    void criticismNoticeListsTheFindingsUnitsAndProblems() {
        service.criticismNotice(CITY, "370500", " 关于部分单位履职不到位情况的通报 ", "各县区编办，市直各部门", List.of("为严肃机构编制纪律……", "希望各单位引以为戒。"),
                List.of(13L, 11L), DocumentFormat.PDF);
        DocumentRequest r = f.generated.get(0);
        assertEquals(DocumentKind.CRITICISM_NOTICE, r.kind());
        assertEquals("criticism:370500-11.13", r.subject(), "the same findings make the same 通报 whatever their order");
        assertNull(r.unitCode());
        assertEquals("关于部分单位履职不到位情况的通报", r.title());
        Map<String, Object> m = r.model();
        assertEquals("各县区编办，市直各部门", m.get("addressees"));
        assertEquals(List.of(Map.of("text", "为严肃机构编制纪律……"), Map.of("text", "希望各单位引以为戒。")), m.get("paragraphs"));
        assertEquals(List.of(
                Map.of("unitName", "东营市民政局", "problem", "超编进人 2 名", "category", "编制使用问题", "severity", "较重"),
                Map.of("unitName", "东营市财政局", "problem", "预算评审职责履行不到位", "category", "职责履行不到位", "severity", "较重")),
                m.get("units"));
    }

    @Test
    void criticismNoticeIsValidatedBeforeAnythingIsRead() {
        List<String> p = List.of("正文");
        assertInvalid("title", () -> service.criticismNotice(CITY, "370500", " ", "主送", p, List.of(11L), DocumentFormat.PDF));
        assertInvalid("title", () -> service.criticismNotice(CITY, "370500", "标".repeat(101), "主送", p, List.of(11L), DocumentFormat.PDF));
        assertInvalid("addressees", () -> service.criticismNotice(CITY, "370500", "通报", null, p, List.of(11L), DocumentFormat.PDF));
        assertInvalid("paragraphs", () -> service.criticismNotice(CITY, "370500", "通报", "主送", List.of(), List.of(11L), DocumentFormat.PDF));
        assertInvalid("paragraphs[1]", () -> service.criticismNotice(CITY, "370500", "通报", "主送", List.of("a", ""), List.of(11L),
                DocumentFormat.PDF));
        assertInvalid("findingIds", () -> service.criticismNotice(CITY, "370500", "通报", "主送", p, List.of(), DocumentFormat.PDF));
        assertInvalid("findingIds", () -> service.criticismNotice(CITY, "370500", "通报", "主送", p, List.of(11L, 11L), DocumentFormat.PDF));
        assertInvalid("format", () -> service.criticismNotice(CITY, "370500", "通报", "主送", p, List.of(11L), null));
        assertEquals(0, f.reads.get());
        assertInvalid("findingIds", () -> service.criticismNotice(CITY, "370500", "通报", "主送", p, List.of(14L), DocumentFormat.PDF));
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class,
                () -> service.criticismNotice(LIJIN, "370500", "通报", "主送", p, List.of(11L), DocumentFormat.PDF)).kind());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class,
                () -> service.criticismNotice(CITY, "370500", "通报", "主送", p, List.of(404L), DocumentFormat.PDF)).kind());
        assertTrue(f.generated.isEmpty());
    }

    @Test
    void manyFindingsMakeAShortSubjectOfTheirSet() {
        List<Long> ids = java.util.stream.LongStream.rangeClosed(1000, 1100).boxed().toList();
        String key = ResultDocuments.findingsKey(ids);
        assertTrue(key.matches("h[0-9a-f]{16}"), key);
        assertEquals(key, ResultDocuments.findingsKey(ids.stream().sorted(java.util.Comparator.reverseOrder()).toList()));
        assertEquals("3.12", ResultDocuments.findingsKey(List.of(12L, 3L)));
    }

    private static void assertInvalid(String field, Runnable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call::run);
        assertEquals(ProblemKind.INVALID, e.kind());
        assertTrue(e.toString().contains(field) || String.valueOf(e.errors()).contains(field), e + " " + e.errors());
    }

    @Test
    void withoutAnyFindingOrRectificationTheSuggestionsStillSaySomething() {
        List<String> s = CampaignReportBuilder.suggestions(List.of(Fixture.result(1, "甲", "100", "优秀", 1, "60", "40", false)), List.of());
        assertEquals(List.of("各单位履职情况总体良好，建议保持常态化监管，巩固监管成果。"), s);
        assertFalse(CampaignReportBuilder.poor("一般"));
    }
}
