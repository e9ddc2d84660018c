package cn.supervision.report.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.report.internal.Fakes.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionChannel;
import cn.supervision.api.report.InstructionDraft;
import cn.supervision.api.report.InstructionScan;
import cn.supervision.api.report.ReportSection;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.ReportTransition;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

class SpecialReportServiceTest {
    static final Caller DRAFTER = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller HEAD = new Caller("city-office-head", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller OTHER_LEADER = new Caller("city-leader-2", Set.of(Role.LEADER), "370500", null);
    static final Caller COUNTY_LEADER = new Caller("lijin-leader", Set.of(Role.LEADER), "370522", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller UNIT_USER = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static final Unit CZJ = unit(1, "CZJ", "东营市财政局", "370500");
    static final Unit SWJ = unit(2, "SWJ", "东营市商务局", "370500");
    static final Unit LJ = unit(3, "LJ-CZ", "利津县财政局", "370522");

    private LocalJpaTemplate jpa;
    private MutableClock clock;
    private FakeRegistry registry;
    private Fakes.Findings findings;
    private Fakes.Campaigns campaigns;
    private Fakes.Tasks tasks;
    private Fakes.Documents documents;
    private Fakes.Notifications notifications;
    private JpaSpecialReportService reports;

    static Unit unit(long id, String code, String name, String jurisdiction) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static Finding finding(long id, Unit unit) {
        return new Finding(id, unit.jurisdictionCode(), unit.id(), unit.name(), FindingSource.of(SourceKind.MANUAL, "专项检查"),
                FindingCategory.DUTY_NOT_PERFORMED, Severity.GRAVE, "政府采购监督职责履行不到位，连续两年未开展检查", "检查记录",
                FindingState.OPEN, null, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static UserInfo user(String name, Role role, String jurisdiction) {
        return new UserInfo(name, Set.of(role), jurisdiction, null, null, null);
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("report-test", "META-INF/report-test-persistence.xml");
        clock = new MutableClock(NOW);
        registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(CZJ, SWJ, LJ));
        findings = new Fakes.Findings(registry.access(), List.of(finding(11, CZJ), finding(12, LJ)));
        campaigns = new Fakes.Campaigns(registry.access());
        campaigns.campaigns.put(7L, new Campaign(7, "370500", CampaignKind.ROUTINE, "2026 年度机构编制监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(), Set.of(), null, null, List.of(1L, 2L), List.of(),
                CampaignState.PUBLISHED, null, Instant.EPOCH, "seed", Instant.EPOCH, "seed"));
        campaigns.results.put(7L, List.of(
                new UnitResult(1, "东营市财政局", "GOVERNMENT_DEPARTMENT", 1, new BigDecimal("58.50"), "较差", null, null, null, false, 9, 9, 0,
                        List.of(), null),
                new UnitResult(2, "东营市商务局", "GOVERNMENT_DEPARTMENT", 1, new BigDecimal("91.00"), "好", null, null, null, false, 1, 1, 0,
                        List.of(), null)));
        Fakes.Users users = new Fakes.Users(List.of(user("city-admin", Role.CITY_ADMIN, "370500"),
                user("city-office-head", Role.CITY_ADMIN, "370500"), user("city-leader", Role.LEADER, "370500"),
                user("city-leader-2", Role.LEADER, "370500"), user("lijin-leader", Role.LEADER, "370522")));
        tasks = new Fakes.Tasks(registry.access(), clock, List.of("CZJ", "SWJ"), List.of("SJJ"));
        documents = new Fakes.Documents(registry.access());
        notifications = new Fakes.Notifications();
        reports = new JpaSpecialReportService(jpa, registry, findings, campaigns, users, List.of(tasks), List.of(documents),
                List.of(notifications), clock);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static SpecialReportDraft draft() {
        return new SpecialReportDraft("关于市财政局政府采购监督职责履行不到位的专报", List.of(
                new ReportSection("一、基本情况", "2026 年度监管中发现市财政局政府采购监督职责履行不到位。"),
                new ReportSection("二、处理建议", "建议责成市财政局限期整改。")), List.of(11L), List.of(2L), List.of(7L));
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    static InstructionDraft instruction(String text, TaskDraft... tasks) {
        return new InstructionDraft(null, text, null, null, List.of(tasks));
    }

    private SpecialReport sent() {
        SpecialReport r = reports.create(DRAFTER, "370500", draft());
        reports.submit(DRAFTER, r.id());
        reports.approve(HEAD, r.id());
        return reports.send(DRAFTER, r.id(), List.of("city-leader"));
    }

    @Test
    void draftedReviewedSentInstructedTurnedIntoTasksAndClosedWhenTheyAreDone() {
        SpecialReport r = reports.create(DRAFTER, "370500", draft());
        assertEquals(ReportState.DRAFT, r.state());
        assertEquals(1, r.findings().size());
        assertEquals("GRAVE", r.findings().get(0).severity());
        assertEquals(List.of(2L), r.units().stream().map(u -> u.unitId()).toList());
        assertEquals(2, r.scores().size(), "the published scores of the linked unit and of the finding's unit");
        assertNull(r.issue());

        reports.submit(DRAFTER, r.id());
        SupervisionException early = refused(ProblemKind.CONFLICT, () -> reports.send(DRAFTER, r.id(), List.of("city-leader")));
        assertTrue(early.getMessage().contains("尚未审核通过") && early.getMessage().contains("审核中"), early.getMessage());
        refused(ProblemKind.FORBIDDEN, () -> reports.approve(DRAFTER, r.id()));
        SpecialReport approved = reports.approve(HEAD, r.id());
        assertEquals("2026年第1期", approved.issue());
        assertEquals("city-office-head", approved.reviewer());
        assertTrue(documents.requests.isEmpty(), "no document before sending");

        SpecialReport sent = reports.send(DRAFTER, r.id(), List.of("city-leader"));
        assertEquals(ReportState.SENT, sent.state());
        assertEquals("东编办专〔2026〕1号", sent.documentNumber());
        assertNotNull(sent.documentId());
        DocumentRequest doc = documents.requests.get(0);
        assertEquals(DocumentKind.SPECIAL_REPORT, doc.kind());
        assertEquals("special-report:" + r.id(), doc.subject());
        assertEquals("2026年第1期", doc.model().get("issue"));
        assertEquals("city-admin", doc.model().get("drafter"));
        assertEquals("city-office-head", doc.model().get("reviewer"));
        assertEquals(List.of(Map.of("name", "city-leader")), doc.model().get("recipients"));
        assertEquals(List.of(Map.of("heading", "一、基本情况", "text", "2026 年度监管中发现市财政局政府采购监督职责履行不到位。"),
                Map.of("heading", "二、处理建议", "text", "建议责成市财政局限期整改。")), doc.model().get("paragraphs"));
        assertEquals(Map.of("title", "政府采购监督职责履行不到位，连续两年未开展检查", "unitName", "东营市财政局", "severity", "严重"),
                ((List<?>) doc.model().get("findings")).get(0));
        assertEquals(Map.of("unitName", "东营市财政局", "campaignName", "2026 年度机构编制监管", "total", "58.5", "grade", "较差"),
                ((List<?>) doc.model().get("scores")).get(0));
        assertEquals(List.of("user:city-leader"), notifications.sent);
        assertTrue(new String(reports.archivedDocument(LEADER, r.id()), StandardCharsets.UTF_8).startsWith("%PDF"));

        assertNull(reports.get(LEADER, r.id()).recipients().get(0).readAt());
        clock.advance(Duration.ofHours(1));
        SpecialReport read = reports.markRead(LEADER, r.id());
        assertEquals(NOW.plus(Duration.ofHours(1)), read.recipients().get(0).readAt());

        Instruction i = reports.instruct(LEADER, r.id(), instruction("请市财政局牵头研究落实，月底前报结果。",
                task("完善政府采购监督检查制度", OwnerKind.UNIT, "CZJ", TODAY.plusDays(30))));
        assertEquals(InstructionChannel.PLATFORM, i.channel());
        assertEquals(TODAY, i.date());
        assertEquals(1, i.tasks().total());
        assertEquals(1, i.tasks().open());
        assertTrue(tasks.creators.get(0).isSystem() && tasks.creators.get(0).username().equals("city-leader"),
                "a leader's tasks are assigned by the platform in his name");
        assertEquals(i.id(), tasks.tasks.values().iterator().next().originId());
        assertEquals(List.of("user:city-leader", "office:370500"), notifications.sent);
        assertEquals(ReportState.INSTRUCTED, reports.get(DRAFTER, r.id()).state());

        // the office adds a task for the instruction afterwards, as the leader asked the finance bureau to lead
        Instruction more = reports.assignTasks(DRAFTER, i.id(), List.of(task("会同商务局厘清职责边界", OwnerKind.UNIT, "SWJ", TODAY.plusDays(60))));
        assertEquals(2, more.tasks().total());
        assertEquals("city-admin", tasks.creators.get(1).username());

        SupervisionException open = refused(ProblemKind.CONFLICT, () -> reports.close(DRAFTER, r.id(), null));
        assertTrue(open.getMessage().contains("尚有 2 项"), open.getMessage());
        clock.advance(Duration.ofDays(31));
        assertEquals(1, reports.openInstructions(DRAFTER, "370500").get(0).tasks().overdue(), "the first task is now overdue");
        tasks.tasks.keySet().forEach(id -> tasks.close(DRAFTER, id, "已完成"));
        SpecialReport done = reports.get(DRAFTER, r.id());
        assertTrue(done.tasks().allDone(), "visible before the office closes it");
        assertEquals(ReportState.INSTRUCTED, done.state());
        SpecialReport closed = reports.close(DRAFTER, r.id(), "批示事项全部落实");
        assertEquals(ReportState.CLOSED, closed.state());
        assertEquals("city-admin", closed.closedBy());
        assertTrue(reports.openInstructions(DRAFTER, "370500").isEmpty());
        refused(ProblemKind.CONFLICT, () -> reports.instruct(LEADER, r.id(), instruction("再补充一点")));

        List<ReportTransition> history = reports.history(LEADER, r.id());
        assertEquals(List.of("CREATED", "SUBMITTED", "APPROVED", "SENT", "READ", "INSTRUCTED", "TASKS_ASSIGNED", "CLOSED"),
                history.stream().map(ReportTransition::action).toList());
        assertEquals(ReportState.SENT, history.get(5).from());
        assertEquals(ReportState.INSTRUCTED, history.get(5).to());
        assertEquals("city-leader", history.get(3).note());
    }

    @Test
    void returnedForRevisionThenResubmittedAndOutOfOrderMovesNameTheState() {
        SpecialReport r = reports.create(DRAFTER, "370500", draft());
        refused(ProblemKind.CONFLICT, () -> reports.approve(HEAD, r.id()));
        reports.submit(DRAFTER, r.id());
        SupervisionException twice = refused(ProblemKind.CONFLICT, () -> reports.submit(DRAFTER, r.id()));
        assertTrue(twice.getMessage().contains("审核中") && twice.getMessage().contains("IN_REVIEW"), twice.getMessage());
        refused(ProblemKind.CONFLICT, () -> reports.update(DRAFTER, r.id(), draft()));
        refused(ProblemKind.INVALID, () -> reports.returnForRevision(HEAD, r.id(), " "));
        SpecialReport returned = reports.returnForRevision(HEAD, r.id(), "补充整改建议");
        assertEquals(ReportState.RETURNED, returned.state());
        assertEquals("补充整改建议", returned.returnReason());
        refused(ProblemKind.CONFLICT, () -> reports.send(DRAFTER, r.id(), List.of("city-leader")));
        reports.update(DRAFTER, r.id(), draft());
        reports.submit(DRAFTER, r.id());
        assertEquals(ReportState.APPROVED, reports.approve(HEAD, r.id()).state());
        refused(ProblemKind.FORBIDDEN, () -> reports.instruct(LEADER, r.id(), instruction("阅")));  // not sent to him (yet)
        refused(ProblemKind.CONFLICT, () -> reports.close(DRAFTER, r.id(), null));
        assertEquals(List.of(ReportState.DRAFT, ReportState.IN_REVIEW, ReportState.RETURNED, ReportState.RETURNED,
                ReportState.IN_REVIEW, ReportState.APPROVED), reports.history(DRAFTER, r.id()).stream().map(ReportTransition::to).toList());
    }

    @Test
    void documentsOnDemandOnlyOnceReviewedAndByTheOffice() {
        SpecialReport r = reports.create(DRAFTER, "370500", draft());
        SupervisionException draft = refused(ProblemKind.CONFLICT, () -> reports.generateDocument(DRAFTER, r.id(), Fakes.pdf()));
        assertTrue(draft.getMessage().contains("草稿"), draft.getMessage());
        reports.submit(DRAFTER, r.id());
        reports.approve(HEAD, r.id());
        refused(ProblemKind.FORBIDDEN, () -> reports.generateDocument(LEADER, r.id(), Fakes.pdf()));
        refused(ProblemKind.FORBIDDEN, () -> reports.generateDocument(LIJIN, r.id(), Fakes.pdf()));
        assertEquals(1, reports.generateDocument(HEAD, r.id(), cn.supervision.api.document.DocumentFormat.DOCX).version());
        assertEquals(List.of(), documents.requests.get(0).model().get("recipients"), "not sent yet: no recipients");
        assertEquals("2026年第1期", documents.requests.get(0).model().get("issue"));
        refused(ProblemKind.NOT_FOUND, () -> reports.archivedDocument(DRAFTER, r.id()));
        reports.send(DRAFTER, r.id(), List.of("city-leader"));
        assertEquals(1, reports.get(DRAFTER, r.id()).recipients().size());
        assertEquals(2, reports.generateDocument(DRAFTER, r.id(), Fakes.pdf()).version(), "the archived PDF was version 1");
        assertTrue(reports.history(DRAFTER, r.id()).stream().filter(t -> t.action().equals("DOCUMENT")).count() == 2);
    }

    @Test
    void theDrafterCannotApproveEvenWhenAnotherMemberSubmitted() {
        SpecialReport r = reports.create(DRAFTER, "370500", draft());
        reports.submit(HEAD, r.id());
        SupervisionException own = refused(ProblemKind.FORBIDDEN, () -> reports.approve(DRAFTER, r.id()));
        assertTrue(own.getMessage().contains("起草人"), own.getMessage());
        refused(ProblemKind.FORBIDDEN, () -> reports.approve(HEAD, r.id()));
        assertEquals(ReportState.IN_REVIEW, reports.get(DRAFTER, r.id()).state());
    }

    @Test
    void anotherCountyAUnitAndALeaderNotNamedAreRefused() {
        refused(ProblemKind.FORBIDDEN, () -> reports.create(LIJIN, "370500", draft()));
        refused(ProblemKind.FORBIDDEN, () -> reports.create(UNIT_USER, "370500", draft()));
        refused(ProblemKind.FORBIDDEN, () -> reports.create(LEADER, "370500", draft()));
        SpecialReport r = sent();
        refused(ProblemKind.FORBIDDEN, () -> reports.get(LIJIN, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.get(UNIT_USER, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.get(OTHER_LEADER, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.get(COUNTY_LEADER, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.history(OTHER_LEADER, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.archivedDocument(OTHER_LEADER, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.markRead(OTHER_LEADER, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.instruct(OTHER_LEADER, r.id(), instruction("阅")));
        refused(ProblemKind.FORBIDDEN, () -> reports.instruct(COUNTY_LEADER, r.id(), instruction("阅")));
        refused(ProblemKind.FORBIDDEN, () -> reports.instruct(DRAFTER, r.id(), instruction("阅")));
        refused(ProblemKind.FORBIDDEN, () -> reports.instruct(UNIT_USER, r.id(), instruction("阅")));
        refused(ProblemKind.FORBIDDEN, () -> reports.submit(LIJIN, r.id()));
        refused(ProblemKind.FORBIDDEN, () -> reports.send(LEADER, r.id(), List.of("city-leader")));
        assertTrue(reports.list(OTHER_LEADER, null, null, 0, 100).isEmpty(), "a leader lists only what was sent to him");
        assertTrue(reports.list(LIJIN, null, null, 0, 100).isEmpty());
        refused(ProblemKind.FORBIDDEN, () -> reports.list(UNIT_USER, "370500", null, 0, 100));
        assertEquals(1, reports.list(LEADER, null, null, 0, 100).size());
        // a draft is not shown to any leader
        reports.create(DRAFTER, "370500", draft());
        assertEquals(1, reports.list(LEADER, "370500", null, 0, 100).size());
        assertEquals(2, reports.list(DRAFTER, "370500", null, 0, 100).size());
        assertTrue(reports.get(LEADER, r.id()).instructions().isEmpty());
        assertTrue(tasks.tasks.isEmpty() && jpa.txExpr(em -> em.createQuery("select count(i) from InstructionEntity i", Long.class)
                .getSingleResult()) == 0, "nothing written by the refusals");
    }

    @Test
    void linksOfAnotherJurisdictionAndBadFieldsAreNamedAndNothingIsWritten() {
        SupervisionException bad = refused(ProblemKind.INVALID, () -> reports.create(DRAFTER, "370500", new SpecialReportDraft("标题",
                List.of(new ReportSection(null, "正文")), List.of(12L, 99L), List.of(3L), List.of())));
        assertEquals(List.of("findingIds[0]", "findingIds[1]", "unitIds[0]"), bad.errors().stream().map(FieldError::field).toList());
        SupervisionException shape = refused(ProblemKind.INVALID, () -> reports.create(DRAFTER, "370500", new SpecialReportDraft(" ",
                List.of(new ReportSection("一", " ")), List.of(11L, 11L), null, null)));
        assertEquals(List.of("title", "sections[0].text", "findingIds[1]"), shape.errors().stream().map(FieldError::field).toList());
        assertTrue(reports.list(DRAFTER, "370500", null, 0, 100).isEmpty());
    }

    @Test
    void onlyLeadersOfTheJurisdictionCanBeNamed() {
        SpecialReport r = reports.create(DRAFTER, "370500", draft());
        reports.submit(DRAFTER, r.id());
        reports.approve(HEAD, r.id());
        SupervisionException e = refused(ProblemKind.INVALID, () -> reports.send(DRAFTER, r.id(), List.of("city-leader", "city-office-head",
                "lijin-leader", "nobody")));
        assertEquals(List.of("leaders[1]", "leaders[2]", "leaders[3]"), e.errors().stream().map(FieldError::field).toList());
        refused(ProblemKind.INVALID, () -> reports.send(DRAFTER, r.id(), List.of()));
        assertEquals(ReportState.APPROVED, reports.get(DRAFTER, r.id()).state());
        assertTrue(documents.requests.isEmpty() && notifications.sent.isEmpty());
    }

    @Test
    void aTaskTheTaskServiceRefusesLeavesNoInstruction() {
        SpecialReport r = sent();
        SupervisionException e = refused(ProblemKind.INVALID, () -> reports.instruct(LEADER, r.id(), instruction("请研究",
                task("落实", OwnerKind.UNIT, "NOPE", TODAY.plusDays(10)))));
        assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
        assertEquals("tasks[0].ownerCode", e.errors().get(0).field(), "named as the caller sent it");
        SupervisionException past = refused(ProblemKind.INVALID, () -> reports.instruct(LEADER, r.id(), instruction("请研究",
                task("落实", OwnerKind.UNIT, "CZJ", TODAY.minusDays(1)), task(" ", null, null, null))));
        assertEquals(List.of("tasks[0].deadline", "tasks[1].title", "tasks[1].ownerKind", "tasks[1].deadline"),
                past.errors().stream().map(FieldError::field).toList());
        SpecialReport after = reports.get(DRAFTER, r.id());
        assertEquals(ReportState.SENT, after.state());
        assertTrue(after.instructions().isEmpty());
        assertEquals(List.of("user:city-leader"), notifications.sent, "the office is told nothing");
    }

    @Test
    void withoutTheTaskServiceAnInstructionWithTasksIsRefusedAndOneWithoutIsKept() {
        reports = new JpaSpecialReportService(jpa, registry, findings, campaigns, new Fakes.Users(List.of(
                user("city-leader", Role.LEADER, "370500"))), List.of(), List.of(documents), List.of(), clock);
        SpecialReport r = sent();
        refused(ProblemKind.UNAVAILABLE, () -> reports.instruct(LEADER, r.id(), instruction("请研究", task("落实", OwnerKind.UNIT, "CZJ", TODAY))));
        assertTrue(reports.get(DRAFTER, r.id()).instructions().isEmpty());
        Instruction i = reports.instruct(LEADER, r.id(), instruction("阅，请市编办跟进。"));
        assertEquals(0, i.tasks().total());
        refused(ProblemKind.CONFLICT, () -> reports.close(DRAFTER, r.id(), null));
    }

    @Test
    void withoutTheDocumentEngineNothingIsSent() {
        reports = new JpaSpecialReportService(jpa, registry, findings, campaigns, new Fakes.Users(List.of(
                user("city-leader", Role.LEADER, "370500"))), List.of(tasks), List.of(), List.of(notifications), clock);
        SpecialReport r = reports.create(DRAFTER, "370500", draft());
        reports.submit(DRAFTER, r.id());
        reports.approve(HEAD, r.id());
        refused(ProblemKind.UNAVAILABLE, () -> reports.send(DRAFTER, r.id(), List.of("city-leader")));
        SpecialReport still = reports.get(DRAFTER, r.id());
        assertEquals(ReportState.APPROVED, still.state());
        assertTrue(still.recipients().isEmpty());
        assertTrue(notifications.sent.isEmpty());
    }

    @Test
    void thePaperInstructionIsRecordedByTheOfficeWithItsScan() {
        SpecialReport r = sent();
        byte[] pdf = "%PDF-1.4 批示扫描件".getBytes(StandardCharsets.UTF_8);
        refused(ProblemKind.FORBIDDEN, () -> reports.checkScanUpload(LEADER, r.id()));
        refused(ProblemKind.UNSUPPORTED_TYPE, () -> reports.attachScan(DRAFTER, r.id(), "scan.exe", pdf));
        InstructionScan scan = reports.attachScan(DRAFTER, r.id(), "批示.pdf", pdf);
        assertEquals(64, scan.sha256().length());
        assertNull(scan.instructionId());

        SupervisionException bad = refused(ProblemKind.INVALID, () -> reports.recordPaperInstruction(DRAFTER, r.id(),
                new InstructionDraft("city-leader-2", "同意", TODAY.plusDays(1), 999L, List.of())));
        assertEquals(List.of("date", "leader", "scanId"), bad.errors().stream().map(FieldError::field).toList());
        refused(ProblemKind.FORBIDDEN, () -> reports.recordPaperInstruction(LEADER, r.id(), new InstructionDraft("city-leader", "同意", TODAY, scan.id(), List.of())));

        Instruction i = reports.recordPaperInstruction(DRAFTER, r.id(), new InstructionDraft("city-leader", "同意，请审计局配合。",
                TODAY.minusDays(1), scan.id(), List.of(task("配合开展专项审计", OwnerKind.DEPARTMENT, "SJJ", TODAY.plusDays(20)))));
        assertEquals(InstructionChannel.PAPER, i.channel());
        assertEquals("city-leader", i.leader());
        assertEquals("city-admin", i.recordedBy());
        assertEquals(scan.id(), i.scanId());
        assertEquals(1, i.tasks().total());
        assertEquals(ReportState.INSTRUCTED, reports.get(LEADER, r.id()).state());
        assertEquals("%PDF-1.4 批示扫描件", new String(reports.scanContent(LEADER, r.id(), scan.id()), StandardCharsets.UTF_8));
        SupervisionException reused = refused(ProblemKind.INVALID, () -> reports.recordPaperInstruction(DRAFTER, r.id(),
                new InstructionDraft("city-leader", "再次", TODAY, scan.id(), List.of())));
        assertTrue(reused.errors().get(0).message().contains("已用于批示"), reused.errors().toString());
        assertFalse(reports.history(DRAFTER, r.id()).stream().noneMatch(t -> t.action().equals("PAPER_INSTRUCTION")));
    }

    @Test
    void aScanWhoseStoredBytesNoLongerMatchTheirHashIsNeverServed() {
        SpecialReport r = sent();
        InstructionScan scan = reports.attachScan(DRAFTER, r.id(), "批示.pdf", "%PDF-1.4 批示扫描件".getBytes(StandardCharsets.UTF_8));
        assertEquals(scan, reports.scan(LEADER, r.id(), scan.id()));
        assertEquals("%PDF-1.4 批示扫描件", new String(reports.scanContent(LEADER, r.id(), scan.id()), StandardCharsets.UTF_8));
        refused(ProblemKind.NOT_FOUND, () -> reports.scan(LEADER, r.id(), scan.id() + 1));
        int changed = jpa.txExpr(em -> em.createNativeQuery("UPDATE SV_REPORT_SCAN SET CONTENT = ? WHERE ID = ?")
                .setParameter(1, "%PDF-1.4 篡改".getBytes(StandardCharsets.UTF_8)).setParameter(2, scan.id()).executeUpdate());
        assertEquals(1, changed);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reports.scanContent(LEADER, r.id(), scan.id()));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> reports.scanContent(DRAFTER, r.id(), scan.id()));
    }
}
