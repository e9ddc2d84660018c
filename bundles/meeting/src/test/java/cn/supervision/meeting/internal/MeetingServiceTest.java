package cn.supervision.meeting.internal;

import cn.supervision.api.problem.ProblemKind;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.meeting.AgendaItemDraft;
import cn.supervision.api.meeting.AgendaLinkKind;
import cn.supervision.api.meeting.AttendanceDraft;
import cn.supervision.api.meeting.AttendeeDraft;
import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionDraft;
import cn.supervision.api.meeting.DecisionTaskStatus;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDraft;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.meeting.MeetingTransition;
import cn.supervision.api.meeting.Membership;
import cn.supervision.api.meeting.MembershipDraft;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskState;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.fakes.FakeSpecialReportService;

class MeetingServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller CITY_LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller CZJ_USER = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller CITY_AUDIT = new Caller("city-audit", Set.of(Role.DEPARTMENT), "370500", null, "SJJ");
    static final Caller CITY_DISCIPLINE = new Caller("city-discipline", Set.of(Role.DEPARTMENT), "370500", null, "JW");
    static final Caller LIJIN_AUDIT = new Caller("lijin-audit", Set.of(Role.DEPARTMENT), "370522", null, "SJJ");
    /** 2026-11-30 10:00 in Asia/Shanghai. */
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Unit CZJ = unit(1, "CZJ", "东营市财政局", "370500");
    static final Unit LJ_CZ = unit(2, "LJ-CZ", "利津县财政局", "370522");
    static final Department.Contact ZHANG = new Department.Contact("张明", "科长", "0546-8888001");

    private LocalJpaTemplate jpa;
    private MutableClock clock;
    private FakeRegistry registry;
    private Fakes.Directory directory;
    private Fakes.Findings findings;
    private Fakes.Tasks tasks;
    private Fakes.Documents documents;
    private Fakes.Inbox inbox;
    private JpaMeetingService meetings;

    static Unit unit(long id, String code, String name, String jurisdiction) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static Finding finding(long id, String jurisdiction, Unit unit) {
        return new Finding(id, jurisdiction, unit.id(), unit.name(), FindingSource.of(SourceKind.MANUAL, "专项检查"),
                FindingCategory.DUTY_OVERLAP_GAP, Severity.SERIOUS, "政府采购监督职责交叉", "检查记录", FindingState.OPEN, null,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static Campaign campaign(long id, String jurisdiction) {
        return new Campaign(id, jurisdiction, CampaignKind.ROUTINE, "2026 年度机构编制执行情况监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(), Set.of(), null, null, List.of(), List.of(),
                CampaignState.PUBLISHED, null, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static UserInfo user(String name, Role role, String jurisdiction, String department) {
        return new UserInfo(name, Set.of(role), jurisdiction, null, null, null, department);
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("meeting-test", "META-INF/meeting-test-persistence.xml");
        clock = new MutableClock(NOW);
        registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(CZJ, LJ_CZ));
        directory = new Fakes.Directory();
        directory.departments.add(Fakes.department(1, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT, true));
        directory.departments.add(Fakes.department(2, "370500", "JW", "东营市纪委监委", DepartmentKind.DISCIPLINE_INSPECTION, true));
        directory.departments.add(Fakes.department(3, "370500", "RSJ", "东营市人社局", DepartmentKind.HUMAN_RESOURCES, false));
        directory.departments.add(Fakes.department(4, "370522", "LJSJ", "利津县审计局", DepartmentKind.AUDIT, true));
        findings = new Fakes.Findings(registry.access());
        findings.byId.put(11L, finding(11, "370500", CZJ));
        findings.byId.put(12L, finding(12, "370522", LJ_CZ));
        tasks = new Fakes.Tasks(clock);
        documents = new Fakes.Documents();
        documents.byId.put(31L, Fakes.Documents.stored(31, "370500", DocumentKind.CAMPAIGN_REPORT, "2026 年度监管工作报告", null));
        inbox = new Fakes.Inbox();
        Fakes.Users users = new Fakes.Users(List.of(user("city-audit", Role.DEPARTMENT, "370500", "SJJ"),
                user("city-discipline", Role.DEPARTMENT, "370500", "JW"), user("lijin-audit", Role.DEPARTMENT, "370522", "SJJ"),
                user("city-admin", Role.CITY_ADMIN, "370500", null)));
        meetings = service(List.of(directory), List.of(tasks), List.of(documents));
    }

    private JpaMeetingService service(List<cn.supervision.api.cooperation.DepartmentDirectory> dirs,
                                      List<cn.supervision.api.task.TaskService> taskServices,
                                      List<cn.supervision.api.document.DocumentService> docs) {
        return service(dirs, taskServices, docs, List.of());
    }

    private JpaMeetingService service(List<cn.supervision.api.cooperation.DepartmentDirectory> dirs,
                                      List<cn.supervision.api.task.TaskService> taskServices,
                                      List<cn.supervision.api.document.DocumentService> docs,
                                      List<cn.supervision.api.report.SpecialReportService> reports) {
        return new JpaMeetingService(jpa, registry, new Collaborators(findings, Fakes.campaigns(registry.access(),
                Map.of(21L, campaign(21, "370500"), 22L, campaign(22, "370522"))), inbox, new Fakes.Users(List.of(
                user("city-audit", Role.DEPARTMENT, "370500", "SJJ"), user("city-discipline", Role.DEPARTMENT, "370500", "JW"),
                user("lijin-audit", Role.DEPARTMENT, "370522", "SJJ"), user("city-admin", Role.CITY_ADMIN, "370500", null))),
                dirs, taskServices, docs, reports), clock);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    static void names(SupervisionException e, String field) {
        assertTrue(e.errors().stream().map(FieldError::field).anyMatch(field::equals), field + " in " + e.errors());
    }

    static MeetingDraft draft(LocalDateTime at, AgendaItemDraft... agenda) {
        return new MeetingDraft("2026 年第四季度机构编制监督检查联席会议", at, "市委编办三楼会议室", "王主任", List.of(agenda));
    }

    static AgendaItemDraft topic(String title) {
        return new AgendaItemDraft(title, AgendaLinkKind.NONE, null);
    }

    private Meeting scheduled() {
        meetings.join(CITY, "370500", new MembershipDraft("SJJ", TODAY.minusDays(30), List.of(ZHANG)));
        return meetings.schedule(CITY, "370500", draft(LocalDateTime.of(2026, 11, 30, 14, 30),
                new AgendaItemDraft(null, AgendaLinkKind.FINDING, 11L), topic("通报年度监管情况")));
    }

    private Meeting held() {
        return held(scheduled());
    }

    private Meeting held(Meeting m) {
        clock.set(Instant.parse("2026-11-30T06:30:00Z"));
        return meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of("SJJ"),
                List.of(new AttendeeDraft("张明", "SJJ"), new AttendeeDraft("王主任", null))));
    }

    static TaskDraft toUnit(String code, LocalDate deadline) {
        return new TaskDraft(null, "按期报送整改情况", OwnerKind.UNIT, code, deadline);
    }

    // ------------------------------------------------------------------ members

    @Test
    void membersJoinAndLeaveWithDatesAndTheHistoryIsKept() {
        Membership audit = meetings.join(CITY, "370500", new MembershipDraft(" SJJ ", TODAY.minusDays(30), List.of(ZHANG)));
        assertEquals("东营市审计局", audit.departmentName(), "the name comes from the department directory");
        assertEquals("SJJ", audit.departmentCode());
        assertEquals(List.of(ZHANG), audit.contacts());
        assertTrue(refused(ProblemKind.CONFLICT, () -> meetings.join(CITY, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG))))
                .getMessage().contains("已是联席会议成员单位"));

        Membership discipline = meetings.join(CITY, "370500", new MembershipDraft("JW", null, List.of(ZHANG)));
        assertEquals(TODAY, discipline.joinedOn(), "joined today when no date is given");

        names(refused(ProblemKind.INVALID, () -> meetings.leave(CITY, audit.id(), TODAY.minusDays(31), "机构调整")), "leftOn");
        names(refused(ProblemKind.INVALID, () -> meetings.leave(CITY, audit.id(), TODAY.plusDays(1), "机构调整")), "leftOn");
        Membership left = meetings.leave(CITY, audit.id(), TODAY.minusDays(1), "机构调整");
        assertEquals(TODAY.minusDays(1), left.leftOn());
        assertFalse(left.current());
        refused(ProblemKind.CONFLICT, () -> meetings.leave(CITY, audit.id(), TODAY, null));
        refused(ProblemKind.CONFLICT, () -> meetings.updateContacts(CITY, audit.id(), List.of(ZHANG)));

        assertEquals(List.of("JW"), meetings.members(CITY, "370500", false).stream().map(Membership::departmentCode).toList());
        Membership again = meetings.join(CITY, "370500", new MembershipDraft("SJJ", TODAY, List.of(ZHANG)));
        List<Membership> all = meetings.members(CITY_LEADER, "370500", true);
        assertEquals(3, all.size(), "a department that left and joined again has two memberships: " + all);
        assertEquals(List.of(left.id(), again.id()), all.stream().filter(m -> m.departmentCode().equals("SJJ")).map(Membership::id).toList());

        Membership updated = meetings.updateContacts(CITY, again.id(), List.of(new Department.Contact("李华", null, "13800000000")));
        assertEquals("李华", updated.contacts().get(0).name());
    }

    @Test
    void aMemberMustBeAnActiveDepartmentOfTheSameJurisdictionWithContactsAndNothingIsWrittenOtherwise() {
        names(refused(ProblemKind.INVALID, () -> meetings.join(CITY, "370500", new MembershipDraft("LJSJ", null, List.of(ZHANG)))), "departmentCode");
        names(refused(ProblemKind.INVALID, () -> meetings.join(CITY, "370500", new MembershipDraft("RSJ", null, List.of(ZHANG)))), "departmentCode");
        names(refused(ProblemKind.INVALID, () -> meetings.join(CITY, "370500", new MembershipDraft("SJJ", null, List.of()))), "contacts");
        SupervisionException bad = refused(ProblemKind.INVALID, () -> meetings.join(CITY, "370500", new MembershipDraft("SJJ", TODAY.plusDays(1),
                List.of(new Department.Contact("", null, "电话")))));
        names(bad, "joinedOn");
        names(bad, "contacts[0].name");
        names(bad, "contacts[0].phone");
        refused(ProblemKind.FORBIDDEN, () -> meetings.join(LIJIN, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG))));
        refused(ProblemKind.FORBIDDEN, () -> meetings.join(CITY_AUDIT, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG))));
        refused(ProblemKind.FORBIDDEN, () -> meetings.join(CITY_LEADER, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG))));
        assertTrue(meetings.members(CITY, "370500", true).isEmpty());
    }

    @Test
    void withoutTheDepartmentDirectoryJoiningAnswers503() {
        JpaMeetingService bare = service(List.of(), List.of(), List.of());
        assertEquals(ProblemKind.UNAVAILABLE, refused(ProblemKind.UNAVAILABLE, () -> bare.join(CITY, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG)))).kind());
    }

    // ------------------------------------------------------------------ scheduling

    @Test
    void schedulingChecksTheAgendaLinksInTheSameJurisdictionAndNotifiesTheInvitedDepartments() {
        refused(ProblemKind.CONFLICT, () -> meetings.schedule(CITY, "370500", draft(LocalDateTime.of(2026, 12, 3, 9, 30), topic("议题"))));
        meetings.join(CITY, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG)));
        meetings.join(CITY, "370500", new MembershipDraft("JW", null, List.of(ZHANG)));
        meetings.leave(CITY, meetings.members(CITY, "370500", false).stream().filter(m -> m.departmentCode().equals("JW"))
                .findFirst().orElseThrow().id(), TODAY, "不再参加");

        SupervisionException foreign = refused(ProblemKind.INVALID, () -> meetings.schedule(CITY, "370500", draft(LocalDateTime.of(2026, 12, 3, 9, 30),
                new AgendaItemDraft(null, AgendaLinkKind.FINDING, 12L), new AgendaItemDraft("年度监管", AgendaLinkKind.CAMPAIGN, 22L),
                new AgendaItemDraft(null, AgendaLinkKind.FINDING, 999L))));
        names(foreign, "agenda[0].refId");
        names(foreign, "agenda[1].refId");
        names(foreign, "agenda[2].refId");
        assertTrue(foreign.errors().get(1).message().contains("属于行政区划 370522"), foreign.errors().toString());
        SupervisionException shape = refused(ProblemKind.INVALID, () -> meetings.schedule(CITY, "370500", new MeetingDraft(" ",
                LocalDateTime.of(2026, 11, 29, 9, 0), "会议室", "王主任", List.of(new AgendaItemDraft(null, AgendaLinkKind.FINDING, null)))));
        names(shape, "title");
        names(shape, "startsAt");
        names(shape, "agenda[0].refId");
        assertTrue(meetings.list(CITY, "370500", null).isEmpty(), "nothing written");
        assertTrue(inbox.sent.isEmpty());

        Meeting m = meetings.schedule(CITY, "370500", draft(LocalDateTime.of(2026, 12, 3, 9, 30),
                new AgendaItemDraft(null, AgendaLinkKind.FINDING, 11L), new AgendaItemDraft("年度监管", AgendaLinkKind.CAMPAIGN, 21L),
                new AgendaItemDraft("专报研究", AgendaLinkKind.SPECIAL_REPORT, 5L),
                new AgendaItemDraft(null, AgendaLinkKind.DOCUMENT, 31L), topic("其他事项")));
        assertEquals(MeetingState.SCHEDULED, m.state());
        assertEquals("东营市财政局：政府采购监督职责交叉", m.agenda().get(0).title(), "the finding's title is the snapshot");
        assertEquals("/v1/findings/11", m.agenda().get(0).link());
        assertEquals("2026 年度机构编制执行情况监管", m.agenda().get(1).refTitle());
        assertNull(m.agenda().get(2).refTitle(), "special reports are taken by id");
        assertEquals("2026 年度监管工作报告", m.agenda().get(3).title());
        assertEquals(List.of("SJJ"), m.departments().stream().map(d -> d.code()).toList(), "only current members are invited");
        assertEquals(1, inbox.sent.size());
        assertEquals(List.of("city-audit"), inbox.sent.get(0).usernames(), "only the invited departments' users of the jurisdiction");
        assertEquals("MEETING_SCHEDULED", inbox.sent.get(0).message().category());
        assertEquals("/v1/meetings/" + m.id(), inbox.sent.get(0).message().link());
        assertTrue(inbox.sent.get(0).message().body().contains("2026年12月3日 09:30"), inbox.sent.get(0).message().body());

        Meeting moved = meetings.update(CITY, m.id(), draft(LocalDateTime.of(2026, 12, 4, 9, 30), topic("只谈一件事")));
        assertEquals(1, moved.agenda().size());
        assertEquals("MEETING_CHANGED", inbox.sent.get(1).message().category());
        refused(ProblemKind.FORBIDDEN, () -> meetings.update(LIJIN, m.id(), draft(LocalDateTime.of(2026, 12, 4, 9, 30), topic("x"))));
    }

    @Test
    void whileTheSpecialReportServiceRunsALinkedReportMustBeTheJurisdictionsToo() {
        Map<Long, SpecialReport> reports = Map.of(41L, report(41, "370500"), 42L, report(42, "370522"));
        SpecialReportService service = new FakeSpecialReportService() {
            @Override
            public SpecialReport get(Caller caller, long id) {
                SpecialReport r = reports.get(id);
                if (r == null) {
                    throw SupervisionException.notFound("监管专报 " + id + " 不存在");
                }
                return r;
            }
        };
        JpaMeetingService withReports = service(List.of(directory), List.of(tasks), List.of(documents), List.of(service));
        withReports.join(CITY, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG)));
        SupervisionException bad = refused(ProblemKind.INVALID, () -> withReports.schedule(CITY, "370500", draft(LocalDateTime.of(2026, 12, 3, 9, 30),
                new AgendaItemDraft("专报", AgendaLinkKind.SPECIAL_REPORT, 42L), new AgendaItemDraft("专报", AgendaLinkKind.SPECIAL_REPORT, 43L))));
        names(bad, "agenda[0].refId");
        names(bad, "agenda[1].refId");
        Meeting m = withReports.schedule(CITY, "370500", draft(LocalDateTime.of(2026, 12, 3, 9, 30),
                new AgendaItemDraft("研究专报", AgendaLinkKind.SPECIAL_REPORT, 41L)));
        assertEquals("关于编外人员问题的专报（2026年第3期）", m.agenda().get(0).refTitle());
        assertEquals("/v1/special-reports/41", m.agenda().get(0).link());
    }

    static SpecialReport report(long id, String jurisdiction) {
        return new SpecialReport(id, jurisdiction, "关于编外人员问题的专报", "2026年第3期", List.of(), List.of(), List.of(), List.of(),
                List.of(), null, null, "seed", Instant.EPOCH, null, null, null, List.of(), null, null, null, null, List.of(), null,
                null, null, "seed", Instant.EPOCH);
    }

    // ------------------------------------------------------------------ state machine

    @Test
    void scheduledThenHeldThenMinutesIssuedAndEachStepOnlyFromItsState() {
        Meeting m = scheduled();
        refused(ProblemKind.CONFLICT, () -> meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of("SJJ"), List.of(new AttendeeDraft("张明", "SJJ")))));
        SupervisionException early = refused(ProblemKind.CONFLICT, () -> meetings.decide(CITY, m.id(), new DecisionDraft("决定", List.of(toUnit("CZJ", TODAY)))));
        assertTrue(early.getMessage().contains("尚未召开"), early.getMessage());
        refused(ProblemKind.CONFLICT, () -> meetings.recordMinutes(CITY, m.id(), "纪要"));
        refused(ProblemKind.CONFLICT, () -> meetings.issueMinutes(CITY, m.id()));
        refused(ProblemKind.CONFLICT, () -> meetings.generateMinutes(CITY, m.id(), DocumentFormat.PDF));

        Meeting held = held(m);
        assertEquals(MeetingState.HELD, held.state());
        assertEquals(Boolean.TRUE, held.departments().get(0).present());
        refused(ProblemKind.CONFLICT, () -> meetings.update(CITY, m.id(), draft(LocalDateTime.of(2026, 12, 4, 9, 30), topic("x"))));
        refused(ProblemKind.CONFLICT, () -> meetings.cancel(CITY, m.id(), "改期"));
        SupervisionException unwritten = refused(ProblemKind.CONFLICT, () -> meetings.issueMinutes(CITY, m.id()));
        assertTrue(unwritten.getMessage().contains("尚未填写"), unwritten.getMessage());
        Meeting corrected = meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of(), List.of(new AttendeeDraft("王主任", null))));
        assertEquals(Boolean.FALSE, corrected.departments().get(0).present(), "attendance can be corrected while held");
        assertEquals(MeetingState.HELD, corrected.state());

        meetings.recordMinutes(CITY, m.id(), "会议听取了审计局的情况通报。\n\n会议研究了整改事项。");
        Meeting issued = meetings.issueMinutes(CITY, m.id());
        assertEquals(MeetingState.MINUTES_ISSUED, issued.state());
        refused(ProblemKind.CONFLICT, () -> meetings.recordMinutes(CITY, m.id(), "改写"));
        refused(ProblemKind.CONFLICT, () -> meetings.decide(CITY, m.id(), new DecisionDraft("决定", List.of(toUnit("CZJ", TODAY)))));
        refused(ProblemKind.CONFLICT, () -> meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of(), List.of(new AttendeeDraft("王主任", null)))));

        List<MeetingTransition> history = meetings.history(CITY_LEADER, m.id());
        assertEquals(List.of(MeetingState.SCHEDULED, MeetingState.HELD, MeetingState.MINUTES_ISSUED),
                history.stream().map(MeetingTransition::to).toList());
    }

    @Test
    void onlyAScheduledMeetingIsCancelledAndOnlyWithAReason() {
        Meeting m = scheduled();
        names(refused(ProblemKind.INVALID, () -> meetings.cancel(CITY, m.id(), " ")), "reason");
        refused(ProblemKind.FORBIDDEN, () -> meetings.cancel(LIJIN, m.id(), "改期"));
        Meeting cancelled = meetings.cancel(CITY, m.id(), "主要领导出差，另行安排");
        assertEquals(MeetingState.CANCELLED, cancelled.state());
        assertEquals("主要领导出差，另行安排", cancelled.cancelReason());
        assertEquals("MEETING_CANCELLED", inbox.sent.get(inbox.sent.size() - 1).message().category());
        refused(ProblemKind.CONFLICT, () -> meetings.cancel(CITY, m.id(), "再取消"));
        refused(ProblemKind.CONFLICT, () -> meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of(), List.of(new AttendeeDraft("王主任", null)))));
        assertEquals("主要领导出差，另行安排", meetings.history(CITY, m.id()).get(1).reason());
    }

    @Test
    void attendanceNamesOnlyInvitedDepartmentsAndPeopleOfDepartmentsPresent() {
        Meeting m = scheduled();
        clock.advance(Duration.ofHours(5));
        SupervisionException bad = refused(ProblemKind.INVALID, () -> meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of("JW", "SJJ", "SJJ"),
                List.of(new AttendeeDraft("", null), new AttendeeDraft("刘洋", "LJSJ")))));
        names(bad, "presentDepartments[0]");
        names(bad, "presentDepartments[2]");
        names(bad, "attendees[0].name");
        names(bad, "attendees[1].departmentCode");
        SupervisionException absent = refused(ProblemKind.INVALID, () -> meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of(),
                List.of(new AttendeeDraft("张明", "SJJ")))));
        assertTrue(absent.errors().get(0).message().contains("未记为出席"), absent.errors().toString());
        names(refused(ProblemKind.INVALID, () -> meetings.recordAttendance(CITY, m.id(), new AttendanceDraft(List.of("SJJ"), List.of()))), "attendees");
        assertEquals(MeetingState.SCHEDULED, meetings.get(CITY, m.id()).state(), "nothing written");
    }

    // ------------------------------------------------------------------ decisions

    @Test
    void aDecisionBecomesTrackedTasksAndTheMeetingShowsTheirStates() {
        Meeting m = held();
        directory.departments.add(Fakes.department(5, "370500", "CZJU", "东营市财政局（协作）", DepartmentKind.FINANCE, true));
        Decision d = meetings.decide(CITY, m.id(), new DecisionDraft("由市财政局牵头整改政府采购监督职责交叉问题", List.of(
                toUnit("CZJ", TODAY.plusDays(30)), new TaskDraft("审计跟踪", null, OwnerKind.DEPARTMENT, "SJJ", TODAY.plusDays(60)),
                new TaskDraft("汇总上报", null, OwnerKind.OFFICE, null, TODAY))));
        assertEquals(1, d.no());
        assertEquals(1, tasks.creations.size());
        Fakes.Tasks.Creation c = tasks.creations.get(0);
        assertEquals(TaskOrigin.MEETING_DECISION, c.origin());
        assertEquals(d.id(), c.originId());
        assertEquals("370500", c.jurisdictionCode());
        assertEquals(CITY, c.caller());
        assertEquals("由市财政局牵头整改政府采购监督职责交叉问题", c.drafts().get(0).title(), "a task without a title takes the decision's text");
        assertEquals(List.of("东营市财政局", "东营市审计局", "机构编制部门"), d.tasks().stream().map(t -> t.ownerName()).toList());
        assertEquals(List.of(DecisionTaskStatus.OPEN, DecisionTaskStatus.OPEN, DecisionTaskStatus.OPEN),
                d.tasks().stream().map(t -> t.status()).toList());

        long first = d.tasks().get(0).taskId();
        tasks.set(first, TaskState.DONE);
        clock.advance(Duration.ofDays(2));
        Meeting view = meetings.get(CITY, m.id());
        assertEquals(List.of(DecisionTaskStatus.DONE, DecisionTaskStatus.OPEN, DecisionTaskStatus.OVERDUE),
                view.decisions().get(0).tasks().stream().map(t -> t.status()).toList());
        Meeting audit = meetings.get(CITY_AUDIT, m.id());
        assertEquals(java.util.Arrays.asList(null, DecisionTaskStatus.OPEN, null),
                audit.decisions().get(0).tasks().stream().map(t -> t.status()).toList(), "a department sees its own task's state");

        Decision second = meetings.decide(CITY, m.id(), new DecisionDraft("第二项", List.of(toUnit("CZJ", TODAY.plusDays(10)))));
        assertEquals(2, second.no());
    }

    @Test
    void aBadTaskOrAFailingTaskServiceWritesNoDecision() {
        Meeting m = held();
        SupervisionException bad = refused(ProblemKind.INVALID, () -> meetings.decide(CITY, m.id(), new DecisionDraft("决定", List.of(
                toUnit("CZJ", TODAY.minusDays(1)), toUnit("LJ-CZ", TODAY), new TaskDraft(null, null, OwnerKind.DEPARTMENT, "LJSJ", TODAY),
                new TaskDraft(null, null, OwnerKind.OFFICE, "X", TODAY), new TaskDraft(null, null, null, "CZJ", null)))));
        names(bad, "tasks[0].deadline");
        names(bad, "tasks[3].ownerCode");
        names(bad, "tasks[4].ownerKind");
        names(bad, "tasks[4].deadline");
        SupervisionException owners = refused(ProblemKind.INVALID, () -> meetings.decide(CITY, m.id(), new DecisionDraft("决定", List.of(
                toUnit("LJ-CZ", TODAY), new TaskDraft(null, null, OwnerKind.DEPARTMENT, "LJSJ", TODAY)))));
        names(owners, "tasks[0].ownerCode");
        names(owners, "tasks[1].ownerCode");
        names(refused(ProblemKind.INVALID, () -> meetings.decide(CITY, m.id(), new DecisionDraft("决定", List.of()))), "tasks");
        refused(ProblemKind.FORBIDDEN, () -> meetings.decide(LIJIN, m.id(), new DecisionDraft("决定", List.of(toUnit("CZJ", TODAY)))));
        refused(ProblemKind.FORBIDDEN, () -> meetings.decide(CITY_LEADER, m.id(), new DecisionDraft("决定", List.of(toUnit("CZJ", TODAY)))));
        assertTrue(tasks.creations.isEmpty());

        tasks.failWith = SupervisionException.invalid("tasks[0].ownerCode", "单位 CZJ 已撤销");
        refused(ProblemKind.INVALID, () -> meetings.decide(CITY, m.id(), new DecisionDraft("决定", List.of(toUnit("CZJ", TODAY)))));
        assertTrue(meetings.get(CITY, m.id()).decisions().isEmpty(), "the decision is rolled back with its tasks");
        tasks.failWith = null;
        assertEquals(1, meetings.decide(CITY, m.id(), new DecisionDraft("决定", List.of(toUnit("CZJ", TODAY)))).no());

        JpaMeetingService noTasks = service(List.of(directory), List.of(), List.of(documents));
        refused(ProblemKind.UNAVAILABLE, () -> noTasks.decide(CITY, m.id(), new DecisionDraft("决定", List.of(toUnit("CZJ", TODAY)))));
        assertEquals(1, meetings.get(CITY, m.id()).decisions().size());
    }

    // ------------------------------------------------------------------ authority

    @Test
    void departmentsReadOnlyTheMeetingsTheyWereInvitedToAndOthersAsThePolicySays() {
        Meeting m = scheduled();
        assertEquals(m.id(), meetings.get(CITY_AUDIT, m.id()).id());
        assertEquals(1, meetings.list(CITY_AUDIT, "370500", null).size());
        refused(ProblemKind.FORBIDDEN, () -> meetings.get(CITY_DISCIPLINE, m.id()));
        assertTrue(meetings.list(CITY_DISCIPLINE, "370500", null).isEmpty());
        assertTrue(meetings.list(CITY_DISCIPLINE, null, null).isEmpty());
        refused(ProblemKind.FORBIDDEN, () -> meetings.get(LIJIN_AUDIT, m.id()));
        refused(ProblemKind.FORBIDDEN, () -> meetings.get(LIJIN, m.id()));
        refused(ProblemKind.FORBIDDEN, () -> meetings.get(CZJ_USER, m.id()));
        refused(ProblemKind.FORBIDDEN, () -> meetings.list(LIJIN, "370500", null));
        assertTrue(meetings.list(LIJIN, null, null).isEmpty());
        assertEquals(1, meetings.list(CITY_LEADER, "370500", MeetingState.SCHEDULED).size());
        assertTrue(meetings.list(CITY_LEADER, "370500", MeetingState.HELD).isEmpty());
        refused(ProblemKind.FORBIDDEN, () -> meetings.recordAttendance(CITY_AUDIT, m.id(), new AttendanceDraft(List.of("SJJ"), List.of())));
        refused(ProblemKind.FORBIDDEN, () -> meetings.members(LIJIN, "370500", false));
        refused(ProblemKind.FORBIDDEN, () -> meetings.members(CZJ_USER, "370500", false));
        assertEquals(1, meetings.members(CITY_AUDIT, "370500", false).size());
        refused(ProblemKind.NOT_FOUND, () -> meetings.get(CITY, 9999));
    }

    // ------------------------------------------------------------------ minutes document

    @Test
    void theMinutesDocumentCarriesTheKindsModelFields() {
        Meeting m = held();
        refused(ProblemKind.CONFLICT, () -> meetings.generateMinutes(CITY, m.id(), DocumentFormat.PDF));
        meetings.recordMinutes(CITY, m.id(), "会议听取了审计局的情况通报。\n\n会议研究了整改事项。");
        assertTrue(refused(ProblemKind.CONFLICT, () -> meetings.generateMinutes(CITY, m.id(), DocumentFormat.PDF)).getMessage().contains("尚无决定事项"));
        meetings.decide(CITY, m.id(), new DecisionDraft("由市财政局牵头整改", List.of(toUnit("CZJ", LocalDate.of(2026, 12, 31)))));
        refused(ProblemKind.FORBIDDEN, () -> meetings.generateMinutes(CITY_AUDIT, m.id(), DocumentFormat.PDF));
        StoredDocument doc = meetings.generateMinutes(CITY, m.id(), DocumentFormat.DOCX);
        assertEquals(1, documents.requests.size());
        DocumentRequest r = documents.requests.get(0);
        assertEquals(DocumentKind.MEETING_MINUTES, r.kind());
        assertEquals("meeting:" + m.id(), r.subject());
        assertEquals(DocumentFormat.DOCX, r.format());
        assertEquals("370500", r.jurisdictionCode());
        assertEquals(doc.id(), documents.requests.size() + 900L);
        for (String field : DocumentKind.MEETING_MINUTES.requiredFields()) {
            if (!field.equals("documentNumber") && !field.equals("issuingOffice")) {
                assertTrue(r.model().containsKey(field), field + " in " + r.model());
            }
        }
        assertEquals("2026年11月30日 14:30", r.model().get("meetingDate"));
        assertEquals("市委编办三楼会议室", r.model().get("location"));
        assertEquals("王主任", r.model().get("host"));
        assertEquals(List.of(Map.of("name", "张明", "department", "东营市审计局"), Map.of("name", "王主任", "department", "机构编制部门")),
                r.model().get("attendees"));
        assertEquals(List.of(Map.of("text", "会议听取了审计局的情况通报。"), Map.of("text", "会议研究了整改事项。")), r.model().get("minutes"));
        assertEquals(List.of(Map.of("text", "1. 由市财政局牵头整改", "owner", "东营市财政局", "deadline", "2026年12月31日")),
                r.model().get("decisions"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agenda = (List<Map<String, Object>>) r.model().get("agenda");
        assertEquals("问题 #11", agenda.get(0).get("link"));
        assertEquals("", agenda.get(1).get("link"));

        meetings.issueMinutes(CITY, m.id());
        meetings.generateMinutes(CITY, m.id(), DocumentFormat.PDF);
        assertEquals(2, documents.requests.size(), "issued minutes can be generated again");
        JpaMeetingService noDocuments = service(List.of(directory), List.of(tasks), List.of());
        refused(ProblemKind.UNAVAILABLE, () -> noDocuments.generateMinutes(CITY, m.id(), DocumentFormat.PDF));
    }
}
