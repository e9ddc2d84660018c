package cn.supervision.cooperation.internal;

import cn.supervision.rest.bounds.ProblemStatus;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.cooperation.FeedbackKind;
import cn.supervision.api.cooperation.FileContent;
import cn.supervision.api.cooperation.Referral;
import cn.supervision.api.cooperation.ReferralDraft;
import cn.supervision.api.cooperation.ReferralEvidence;
import cn.supervision.api.cooperation.ReferralFeedback;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.cooperation.ShareDraft;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

class CooperationServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller CITY_LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller CZJ = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller CITY_AUDIT = new Caller("city-audit", Set.of(Role.DEPARTMENT), "370500", null, "SJJ");
    static final Caller CITY_DISCIPLINE = new Caller("city-discipline", Set.of(Role.DEPARTMENT), "370500", null, "JW");
    static final Caller LIJIN_AUDIT = new Caller("lijin-audit", Set.of(Role.DEPARTMENT), "370522", null, "SJJ");
    static final Caller SYSTEM = Caller.system("test");
    static final byte[] PDF = "%PDF-1.4 线索佐证".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private LocalJpaTemplate jpa;
    private MutableClock clock;
    private Fakes.Notifications notifications;
    private Fakes.Documents documents;
    private JpaCooperationService service;
    private final List<Campaign> campaigns = new ArrayList<>();

    static Finding finding(long id, String jurisdiction, FindingState state) {
        return new Finding(id, jurisdiction, 100 + id, "东营市财政局", FindingSource.of(SourceKind.MANUAL, "专项检查"),
                FindingCategory.STAFFING, Severity.SERIOUS, "超编进人 3 名", "花名册", state, null, Instant.EPOCH, "city-admin",
                Instant.EPOCH, "city-admin");
    }

    static Campaign campaign(long id, String jurisdiction, CampaignState state) {
        return new Campaign(id, jurisdiction, CampaignKind.ROUTINE, "2026 年度监管评估", null, null, Map.of(), Set.of(), null, null,
                List.of(), List.of(), state, null, Instant.EPOCH, "city-admin", Instant.EPOCH, "city-admin");
    }

    static UnitResult result(long unitId, String name, String total, String grade, int rank) {
        return new UnitResult(unitId, name, "GOVERNMENT_DEPARTMENT", 1, new BigDecimal(total), grade, null, null, null, false, rank,
                rank, 0, List.of(), null);
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("cooperation-test", "META-INF/cooperation-test-persistence.xml");
        clock = new MutableClock(Instant.parse("2026-11-30T02:00:00Z"));
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
        notifications = new Fakes.Notifications();
        documents = new Fakes.Documents(registry.access());
        documents.stored.put(41L, Fakes.document(41, "370500", false));
        documents.content.put(41L, "%PDF".getBytes());
        documents.stored.put(42L, Fakes.document(42, "370522", true));
        documents.stored.put(43L, Fakes.document(43, "370522", false));
        campaigns.add(campaign(7, "370500", CampaignState.PUBLISHED));
        campaigns.add(campaign(8, "370500", CampaignState.SCORING));
        campaigns.add(campaign(9, "370522", CampaignState.PUBLISHED));
        Map<Long, List<ResultRevision>> revisions = Map.of(7L, List.of(
                new ResultRevision(7, 1, null, "city-admin", Instant.EPOCH, List.of(result(1, "甲局", "80.00", "良好", 2))),
                new ResultRevision(7, 2, "更正", "city-admin", Instant.EPOCH, List.of(
                        result(1, "甲局", "81.50", "良好", 2), result(2, "乙局", "92.00", "优秀", 1), result(3, "丙局", "55.00", "较差", 3)))));
        service = new JpaCooperationService(jpa, registry,
                Fakes.findings(registry.access(), List.of(finding(1, "370500", FindingState.OPEN), finding(2, "370522", FindingState.OPEN),
                        finding(3, "370500", FindingState.WITHDRAWN), finding(4, "370522", FindingState.IN_RECTIFICATION))),
                Fakes.campaigns(registry.access(), campaigns, revisions), documents.service, notifications,
                Fakes.users(List.of(Fakes.departmentUser("city-audit", "370500", "SJJ"), Fakes.departmentUser("city-audit-2", "370500", "SJJ"),
                        Fakes.departmentUser("city-discipline", "370500", "JW"), Fakes.departmentUser("lijin-audit", "370522", "SJJ"))),
                clock);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    private Department register(Caller caller, String jurisdiction, String code, String name, DepartmentKind kind) {
        return service.register(caller, jurisdiction, new DepartmentDraft(code, name, kind,
                List.of(new Department.Contact("王审计", "科长", "0546-8881234"))));
    }

    private static SupervisionException fails(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    private static List<String> fields(SupervisionException e) {
        return e.errors() == null ? List.of() : e.errors().stream().map(FieldError::field).toList();
    }

    private long referrals() {
        return service.referrals(SYSTEM, null, null).size();
    }

    // ------------------------------------------------------------------ departments

    @Test
    void departmentsAreKeptPerJurisdictionWithUniqueCodesAndNeverDeleted() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        register(CITY, "370500", "JW", "东营市纪委监委", DepartmentKind.DISCIPLINE_INSPECTION);
        register(LIJIN, "370522", "SJJ", "利津县审计局", DepartmentKind.AUDIT); // same code, another jurisdiction
        fails(ProblemKind.CONFLICT, () -> register(CITY, "370500", "SJJ", "重复", DepartmentKind.AUDIT));
        fails(ProblemKind.FORBIDDEN, () -> register(LIJIN, "370500", "CZ", "东营市财政局", DepartmentKind.FINANCE));
        fails(ProblemKind.FORBIDDEN, () -> register(CITY_LEADER, "370500", "CZ", "东营市财政局", DepartmentKind.FINANCE));
        SupervisionException bad = fails(ProblemKind.INVALID, () -> service.register(CITY, "370500", new DepartmentDraft("审 计", "", null,
                List.of(new Department.Contact("", null, "电话")))));
        assertEquals(List.of("code", "name", "kind", "contacts[0].name", "contacts[0].phone"), fields(bad));
        assertEquals(2, service.departments(CITY, "370500", true).size());

        Department renamed = service.update(CITY, sjj.id(), new DepartmentDraft(null, "东营市审计局（改）", DepartmentKind.AUDIT, List.of()));
        assertEquals("SJJ", renamed.code());
        assertEquals(List.of(), renamed.contacts());
        assertEquals(List.of("code"), fields(fails(ProblemKind.INVALID, () -> service.update(CITY, sjj.id(),
                new DepartmentDraft("SJ2", "x", DepartmentKind.AUDIT, List.of())))));

        fails(ProblemKind.INVALID, () -> service.deactivate(CITY, sjj.id(), " "));
        assertFalse(service.deactivate(CITY, sjj.id(), "机构改革，职能划转").active());
        fails(ProblemKind.CONFLICT, () -> service.deactivate(CITY, sjj.id(), "再次"));
        assertEquals(List.of("JW"), service.departments(CITY, "370500", false).stream().map(Department::code).toList());
        assertEquals(2, service.departments(CITY, "370500", true).size());
        assertEquals(List.of("JW"), service.active("370500").stream().map(Department::code).toList());
        assertTrue(service.find("370500", "SJJ").isPresent());
        assertTrue(service.find("370523", "SJJ").isEmpty());
    }

    @Test
    void aDepartmentSeesItsOwnRecordOnlyAndUnitsNone() {
        register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        register(CITY, "370500", "JW", "东营市纪委监委", DepartmentKind.DISCIPLINE_INSPECTION);
        register(LIJIN, "370522", "SJJ", "利津县审计局", DepartmentKind.AUDIT);
        assertEquals(List.of("SJJ"), service.departments(CITY_AUDIT, null, false).stream().map(Department::code).toList());
        assertEquals("370522", service.departments(LIJIN_AUDIT, null, false).get(0).jurisdictionCode());
        fails(ProblemKind.FORBIDDEN, () -> service.departments(LIJIN_AUDIT, "370500", false));
        fails(ProblemKind.FORBIDDEN, () -> service.departments(CZJ, "370500", false));
        assertEquals(2, service.departments(CITY_LEADER, null, false).size());
        assertEquals(3, service.departments(CITY, "370522", false).size() + 2); // the city reads the county's (1) in scope
    }

    // ------------------------------------------------------------------ referrals

    @Test
    void aReferralGoesToOneDepartmentWhichAloneSeesAcknowledgesAndAnswersIt() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        register(CITY, "370500", "JW", "东营市纪委监委", DepartmentKind.DISCIPLINE_INSPECTION);
        register(LIJIN, "370522", "SJJ", "利津县审计局", DepartmentKind.AUDIT);

        Referral r = service.refer(CITY, new ReferralDraft(null, 1L, sjj.id(), "请依职责核查", null));
        assertEquals(ReferralState.SENT, r.state());
        assertEquals(LocalDate.of(2026, 12, 30), r.feedbackDue());
        assertEquals("超编进人 3 名", r.findingDescription());
        assertEquals(Severity.SERIOUS, r.severity());
        assertEquals("东营市财政局", r.unitName());
        assertEquals(List.of("city-audit", "city-audit-2"), notifications.recipients("COOPERATION_REFERRED"));

        ReferralEvidence evidence = service.attach(CITY, r.id(), "核查/材料.pdf", PDF);
        assertEquals("核查_材料.pdf", evidence.fileName());
        assertEquals(64, evidence.sha256().length());
        assertFalse(evidence.fromDepartment());
        fails(ProblemKind.UNSUPPORTED_TYPE, () -> service.attach(CITY, r.id(), "x.exe", PDF));
        fails(ProblemKind.CONFLICT, () -> service.checkUpload(CITY_AUDIT, r.id())); // the department uploads only after receipt
        fails(ProblemKind.FORBIDDEN, () -> service.checkUpload(CITY_DISCIPLINE, r.id()));

        // who sees it
        assertEquals(1, service.referrals(CITY_AUDIT, null, null).size());
        assertEquals(List.of(), service.referrals(CITY_DISCIPLINE, null, null));
        assertEquals(List.of(), service.referrals(LIJIN_AUDIT, null, null));
        fails(ProblemKind.FORBIDDEN, () -> service.referrals(LIJIN_AUDIT, "370500", null));
        fails(ProblemKind.FORBIDDEN, () -> service.referral(CITY_DISCIPLINE, r.id()));
        fails(ProblemKind.FORBIDDEN, () -> service.referral(LIJIN_AUDIT, r.id()));
        fails(ProblemKind.FORBIDDEN, () -> service.evidence(CITY_DISCIPLINE, r.id(), evidence.id()));
        fails(ProblemKind.FORBIDDEN, () -> service.referral(CZJ, r.id()));
        assertEquals(1, service.referrals(CITY_LEADER, null, null).size());
        Referral seen = service.referral(CITY_AUDIT, r.id());
        assertEquals(1, seen.evidence().size());
        FileContent file = service.evidence(CITY_AUDIT, r.id(), evidence.id());
        assertArrayEquals(PDF, file.content());
        assertEquals("application/pdf", file.contentType());

        // receipt and feedback: only the addressed department
        fails(ProblemKind.FORBIDDEN, () -> service.acknowledge(CITY_DISCIPLINE, r.id(), null));
        fails(ProblemKind.FORBIDDEN, () -> service.acknowledge(CITY, r.id(), null));
        fails(ProblemKind.FORBIDDEN, () -> service.acknowledge(CITY_LEADER, r.id(), null));
        fails(ProblemKind.CONFLICT, () -> service.feedback(CITY_AUDIT, r.id(), new ReferralFeedback(FeedbackKind.ACCEPTED, null, null)));
        assertEquals(ReferralState.ACKNOWLEDGED, service.acknowledge(CITY_AUDIT, r.id(), "已收到").state());
        fails(ProblemKind.CONFLICT, () -> service.acknowledge(CITY_AUDIT, r.id(), null));
        fails(ProblemKind.CONFLICT, () -> service.attach(CITY, r.id(), "补充.pdf", PDF)); // the office adds nothing after receipt
        assertEquals(List.of("office:370500"), notifications.recipients("COOPERATION_FEEDBACK"));

        assertEquals(ReferralState.ACCEPTED, service.feedback(CITY_AUDIT, r.id(),
                new ReferralFeedback(FeedbackKind.ACCEPTED, "已立案", null)).state());
        ReferralEvidence mine = service.attach(CITY_AUDIT, r.id(), "处理决定.docx", PDF);
        assertTrue(mine.fromDepartment());
        assertEquals(List.of("fileId"), fields(fails(ProblemKind.INVALID, () -> service.feedback(CITY_AUDIT, r.id(),
                new ReferralFeedback(FeedbackKind.RESULT, "处理完毕", evidence.id()))))); // the office's file is not a result
        fails(ProblemKind.FORBIDDEN, () -> service.feedback(CITY_DISCIPLINE, r.id(), new ReferralFeedback(FeedbackKind.RESULT, "x", null)));
        Referral done = service.feedback(CITY_AUDIT, r.id(), new ReferralFeedback(FeedbackKind.RESULT, "已责令整改并追缴", mine.id()));
        assertEquals(ReferralState.CONCLUDED, done.state());
        assertEquals(mine.id(), done.resultFileId());
        assertEquals("已责令整改并追缴", done.feedbackText());
        fails(ProblemKind.CONFLICT, () -> service.checkUpload(CITY_AUDIT, r.id()));

        Referral office = service.referral(CITY, r.id());
        assertEquals(List.of(ReferralState.SENT, ReferralState.ACKNOWLEDGED, ReferralState.ACCEPTED, ReferralState.CONCLUDED),
                office.steps().stream().map(Referral.Step::to).toList());
        assertEquals("city-audit", office.steps().get(3).actor());
        assertEquals(3, notifications.recipients("COOPERATION_FEEDBACK").size());
        assertEquals(1, service.referrals(CITY, "370500", ReferralState.CONCLUDED).size());
    }

    @Test
    void feedbackFollowsTheStateMachine() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        long a = service.refer(CITY, new ReferralDraft("370500", 1L, sjj.id(), "线索一", null)).id();
        long b = service.refer(CITY, new ReferralDraft("370500", 1L, sjj.id(), "线索二", null)).id();
        service.acknowledge(CITY_AUDIT, a, null);
        service.acknowledge(CITY_AUDIT, b, null);
        fails(ProblemKind.INVALID, () -> service.feedback(CITY_AUDIT, a, new ReferralFeedback(null, "x", null)));
        assertEquals(List.of("text"), fields(fails(ProblemKind.INVALID, () -> service.feedback(CITY_AUDIT, a,
                new ReferralFeedback(FeedbackKind.NOT_ACCEPTED, " ", null)))));
        assertEquals(List.of("fileId"), fields(fails(ProblemKind.INVALID, () -> service.feedback(CITY_AUDIT, a,
                new ReferralFeedback(FeedbackKind.ACCEPTED, null, 99L)))));
        Referral refused = service.feedback(CITY_AUDIT, a, new ReferralFeedback(FeedbackKind.NOT_ACCEPTED, "不属于本部门管辖", null));
        assertEquals(ReferralState.NOT_ACCEPTED, refused.state());
        assertEquals("不属于本部门管辖", refused.feedbackText());
        fails(ProblemKind.CONFLICT, () -> service.feedback(CITY_AUDIT, a, new ReferralFeedback(FeedbackKind.RESULT, "x", null)));
        fails(ProblemKind.CONFLICT, () -> service.feedback(CITY_AUDIT, a, new ReferralFeedback(FeedbackKind.ACCEPTED, null, null)));
        // RESULT straight after receipt; then nothing more
        assertEquals(ReferralState.CONCLUDED, service.feedback(CITY_AUDIT, b,
                new ReferralFeedback(FeedbackKind.RESULT, "已处理", null)).state());
        fails(ProblemKind.CONFLICT, () -> service.feedback(CITY_AUDIT, b, new ReferralFeedback(FeedbackKind.ACCEPTED, null, null)));
        assertEquals(Set.of(ReferralState.ACKNOWLEDGED), ReferralState.feedbackFrom(FeedbackKind.ACCEPTED));
    }

    @Test
    void badReferralsWriteNothing() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        Department lijinSjj = register(LIJIN, "370522", "SJJ", "利津县审计局", DepartmentKind.AUDIT);
        Department old = register(CITY, "370500", "XC", "市委巡察办", DepartmentKind.INSPECTION_TOUR);
        service.deactivate(CITY, old.id(), "撤并");

        SupervisionException other = fails(ProblemKind.INVALID, () -> service.refer(CITY, new ReferralDraft("370500", 1L, lijinSjj.id(), "x", null)));
        assertEquals(List.of("departmentId"), fields(other));
        assertTrue(other.errors().get(0).message().contains("370522"), other.errors().get(0).message());
        assertEquals(List.of("departmentId"), fields(fails(ProblemKind.INVALID, () -> service.refer(CITY, new ReferralDraft(null, 1L, old.id(), "x", null)))));
        assertEquals(List.of("departmentId"), fields(fails(ProblemKind.INVALID, () -> service.refer(CITY, new ReferralDraft(null, 1L, 999L, "x", null)))));
        // a county's finding: the city reads it once notified, and still cannot refer it as its own
        assertEquals(List.of("findingId"), fields(fails(ProblemKind.INVALID, () -> service.refer(CITY, new ReferralDraft(null, 4L, sjj.id(), "x", null)))));
        fails(ProblemKind.FORBIDDEN, () -> service.refer(CITY, new ReferralDraft(null, 2L, sjj.id(), "x", null)));
        assertEquals(List.of("findingId"), fields(fails(ProblemKind.INVALID, () -> service.refer(CITY, new ReferralDraft(null, 3L, sjj.id(), "x", null)))));
        fails(ProblemKind.NOT_FOUND, () -> service.refer(CITY, new ReferralDraft(null, 99L, sjj.id(), "x", null)));
        assertEquals(List.of("note", "feedbackDue"), fields(fails(ProblemKind.INVALID, () -> service.refer(CITY,
                new ReferralDraft(null, 1L, sjj.id(), " ", LocalDate.of(2026, 11, 29))))));
        fails(ProblemKind.FORBIDDEN, () -> service.refer(LIJIN, new ReferralDraft("370500", 1L, sjj.id(), "x", null)));
        fails(ProblemKind.FORBIDDEN, () -> service.refer(CITY_AUDIT, new ReferralDraft(null, 1L, sjj.id(), "x", null)));
        fails(ProblemKind.FORBIDDEN, () -> service.refer(CITY_LEADER, new ReferralDraft(null, 1L, sjj.id(), "x", null)));
        fails(ProblemKind.FORBIDDEN, () -> service.refer(CZJ, new ReferralDraft(null, 1L, sjj.id(), "x", null)));
        fails(ProblemKind.INVALID, () -> service.refer(CITY, null));
        assertEquals(0, referrals());
        assertEquals(List.of(), notifications.sent);
    }

    @Test
    void overdueReferralsAreThoseStillAwaitingFeedbackAfterTheDueDate() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        long late = service.refer(CITY, new ReferralDraft(null, 1L, sjj.id(), "一", LocalDate.of(2026, 12, 5))).id();
        long answered = service.refer(CITY, new ReferralDraft(null, 1L, sjj.id(), "二", LocalDate.of(2026, 12, 5))).id();
        service.refer(CITY, new ReferralDraft(null, 1L, sjj.id(), "三", LocalDate.of(2026, 12, 20)));
        service.acknowledge(CITY_AUDIT, late, null);
        service.acknowledge(CITY_AUDIT, answered, null);
        service.feedback(CITY_AUDIT, answered, new ReferralFeedback(FeedbackKind.ACCEPTED, null, null));
        assertEquals(List.of(), service.overdue(CITY, null));
        clock.advance(Duration.ofDays(5)); // 2026-12-05 Shanghai: due today, not yet late
        assertEquals(List.of(), service.overdue(CITY, null));
        clock.advance(Duration.ofDays(1));
        assertEquals(List.of(late), service.overdue(CITY, null).stream().map(Referral::id).toList());
        assertTrue(service.referral(CITY_AUDIT, late).overdue());
        assertEquals(1, service.overdue(CITY_AUDIT, null).size());
        assertEquals(List.of(), service.overdue(CITY_DISCIPLINE, null));
    }

    // ------------------------------------------------------------------ shares

    @Test
    void aShareCarriesTheResultsAsSharedWithOneReceiptPerAddressee() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        Department jw = register(CITY, "370500", "JW", "东营市纪委监委", DepartmentKind.DISCIPLINE_INSPECTION);
        register(CITY, "370500", "ZZB", "市委组织部", DepartmentKind.ORGANISATION);
        register(LIJIN, "370522", "SJJ", "利津县审计局", DepartmentKind.AUDIT);

        Share s = service.share(CITY, new ShareDraft(null, "2026 年度监管评估结果通报", "请结合审计监督参考使用", 7L, List.of(3L, 2L),
                List.of(), List.of(sjj.id(), jw.id())));
        assertEquals(2, s.revision()); // the latest revision
        assertEquals(List.of("乙局", "丙局"), s.results().stream().map(Share.SharedResult::unitName).toList());
        assertEquals(new BigDecimal("92.00"), s.results().get(0).total());
        assertEquals("优秀", s.results().get(0).grade());
        assertEquals(2, s.recipients().size());
        assertEquals(List.of("city-audit", "city-audit-2", "city-discipline"), notifications.recipients("COOPERATION_SHARED"));

        // the department sees its own receipt only, with the rows; others see nothing
        Share seen = service.getShare(CITY_AUDIT, s.id());
        assertEquals(2, seen.results().size());
        assertEquals(List.of("SJJ"), seen.recipients().stream().map(Share.ShareRecipient::departmentCode).toList());
        assertEquals(1, service.shares(CITY_AUDIT, null).size());
        assertTrue(service.shares(CITY_AUDIT, null).get(0).results().isEmpty());
        assertEquals(2, service.shares(CITY_AUDIT, null).get(0).resultCount());
        assertEquals(List.of(), service.shares(LIJIN_AUDIT, null));
        fails(ProblemKind.FORBIDDEN, () -> service.getShare(LIJIN_AUDIT, s.id()));
        fails(ProblemKind.FORBIDDEN, () -> service.getShare(CZJ, s.id()));
        fails(ProblemKind.FORBIDDEN, () -> service.shares(CZJ, null));
        Caller organisation = new Caller("city-org", Set.of(Role.DEPARTMENT), "370500", null, "ZZB");
        fails(ProblemKind.FORBIDDEN, () -> service.getShare(organisation, s.id()));
        assertEquals(List.of(), service.shares(organisation, null));

        assertNull(service.getShare(CITY, s.id()).recipients().get(0).readAt());
        Share read = service.markRead(CITY_AUDIT, s.id());
        assertEquals("city-audit", read.recipients().get(0).readBy());
        Instant first = read.recipients().get(0).readAt();
        clock.advance(Duration.ofHours(1));
        assertEquals(first, service.markRead(CITY_AUDIT, s.id()).recipients().get(0).readAt());
        fails(ProblemKind.FORBIDDEN, () -> service.markRead(CITY, s.id()));
        fails(ProblemKind.FORBIDDEN, () -> service.markRead(organisation, s.id()));
        List<Share.ShareRecipient> office = service.getShare(CITY, s.id()).recipients();
        assertEquals(List.of("JW", "SJJ"), office.stream().map(Share.ShareRecipient::departmentCode).toList());
        assertNull(office.get(0).readAt());
        assertNotNull(office.get(1).readAt());
        assertEquals(1, service.getShare(CITY_LEADER, s.id()).recipients().stream().filter(r -> r.readAt() != null).count());
    }

    @Test
    void badSharesWriteNothing() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        Department lijinSjj = register(LIJIN, "370522", "SJJ", "利津县审计局", DepartmentKind.AUDIT);
        assertEquals(List.of("campaignId"), fields(fails(ProblemKind.INVALID, () -> service.share(CITY,
                new ShareDraft(null, "通报", "内容", 8L, null, null, List.of(sjj.id())))))); // not published
        assertEquals(List.of("campaignId"), fields(fails(ProblemKind.INVALID, () -> service.share(CITY,
                new ShareDraft(null, "通报", "内容", 9L, null, null, List.of(sjj.id())))))); // the county's
        assertEquals(List.of("departmentIds[0]"), fields(fails(ProblemKind.INVALID, () -> service.share(CITY,
                new ShareDraft(null, "通报", "内容", 7L, null, null, List.of(lijinSjj.id()))))));
        assertEquals(List.of("unitIds[0]"), fields(fails(ProblemKind.INVALID, () -> service.share(CITY,
                new ShareDraft(null, "通报", "内容", 7L, List.of(55L), null, List.of(sjj.id()))))));
        assertEquals(List.of("subject", "message", "departmentIds", "campaignId"), fields(fails(ProblemKind.INVALID, () -> service.share(CITY,
                new ShareDraft(null, "", null, null, null, null, List.of())))));
        assertEquals(List.of("documentIds[0]"), fields(fails(ProblemKind.INVALID, () -> service.share(CITY,
                new ShareDraft(null, "通报", "内容", null, null, List.of(42L), List.of(sjj.id()))))));
        fails(ProblemKind.FORBIDDEN, () -> service.share(CITY, new ShareDraft(null, "通报", "内容", null, null, List.of(43L), List.of(sjj.id()))));
        fails(ProblemKind.FORBIDDEN, () -> service.share(LIJIN, new ShareDraft("370500", "通报", "内容", 7L, null, null, List.of(sjj.id()))));
        fails(ProblemKind.FORBIDDEN, () -> service.share(CITY_AUDIT, new ShareDraft(null, "通报", "内容", 7L, null, null, List.of(sjj.id()))));
        assertEquals(List.of(), service.shares(SYSTEM, null));
        assertEquals(List.of(), notifications.sent);
    }

    @Test
    void aSharedDocumentIsReadByThePlatformOnlyForAnAddressee() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        Share s = service.share(CITY, new ShareDraft(null, "报告", "请阅", null, null, List.of(41L), List.of(sjj.id())));
        assertEquals(List.of("2026年度监管评估报告-v1.pdf"), s.documents().stream().map(Share.SharedDocument::fileName).toList());
        fails(ProblemKind.FORBIDDEN, () -> service.sharedDocument(CITY_DISCIPLINE, s.id(), 41));
        assertEquals(List.of(), documents.contentReaders); // refused before the document service was asked
        fails(ProblemKind.NOT_FOUND, () -> service.sharedDocument(CITY_AUDIT, s.id(), 42));
        FileContent file = service.sharedDocument(CITY_AUDIT, s.id(), 41);
        assertArrayEquals("%PDF".getBytes(), file.content());
        assertEquals("application/pdf", file.contentType());
        assertTrue(documents.contentReaders.get(0).isSystem());
    }

    // ------------------------------------------------------------------ the authority matrix

    private static int status(Executable call) {
        try {
            call.execute();
            return 200;
        } catch (SupervisionException e) {
            return ProblemStatus.of(e.kind());
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Who may do what to a city referral to SJJ, a Lijin referral to Lijin's SJJ and a city share to SJJ. */
    @Test
    void authorityMatrixKeepsEveryDepartmentToWhatWasAddressedToIt() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        register(CITY, "370500", "JW", "东营市纪委监委", DepartmentKind.DISCIPLINE_INSPECTION);
        Department lijinSjj = register(LIJIN, "370522", "SJJ", "利津县审计局", DepartmentKind.AUDIT);
        long city = service.refer(CITY, new ReferralDraft(null, 1L, sjj.id(), "市级线索", null)).id();
        long lijin = service.refer(LIJIN, new ReferralDraft(null, 2L, lijinSjj.id(), "县级线索", null)).id();
        long share = service.share(CITY, new ShareDraft(null, "通报", "请阅", 7L, null, null, List.of(sjj.id()))).id();
        Caller lijinLeader = new Caller("lijin-leader", Set.of(Role.LEADER), "370522", null);
        List<Caller> callers = List.of(CITY, CITY_LEADER, LIJIN, lijinLeader, CZJ, CITY_AUDIT, CITY_DISCIPLINE, LIJIN_AUDIT);

        Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
        //                                  CITY LEADER LIJIN LJ-LEAD CZJ  C-AUDIT C-DISC LJ-AUDIT
        expected.put("read city referral", List.of(200, 200, 403, 403, 403, 200, 403, 403));
        expected.put("read lijin referral", List.of(200, 200, 200, 200, 403, 403, 403, 200));
        expected.put("list city referrals", List.of(1, 1, 403, 403, 403, 1, 0, 403));
        expected.put("upload to city referral", List.of(200, 403, 403, 403, 403, 409, 403, 403));
        expected.put("read city share", List.of(200, 200, 403, 403, 403, 200, 403, 403));
        expected.put("mark city share read", List.of(403, 403, 403, 403, 403, 200, 403, 403));
        expected.put("refer in the city", List.of(200, 403, 403, 403, 403, 403, 403, 403));
        expected.put("share in the city", List.of(200, 403, 403, 403, 403, 403, 403, 403));
        expected.put("register in the city", List.of(200, 403, 403, 403, 403, 403, 403, 403));
        expected.put("acknowledge city referral", List.of(403, 403, 403, 403, 403, 200, 403, 403));

        Map<String, List<Integer>> actual = new java.util.LinkedHashMap<>();
        int[] n = {0};
        for (String what : expected.keySet()) {
            List<Integer> row = new ArrayList<>();
            for (Caller c : callers) {
                row.add(switch (what) {
                    case "read city referral" -> status(() -> service.referral(c, city));
                    case "read lijin referral" -> status(() -> service.referral(c, lijin));
                    case "list city referrals" -> {
                        int st = status(() -> service.referrals(c, "370500", null));
                        yield st == 200 ? service.referrals(c, "370500", null).size() : st;
                    }
                    case "upload to city referral" -> status(() -> service.checkUpload(c, city));
                    case "read city share" -> status(() -> service.getShare(c, share));
                    case "mark city share read" -> status(() -> service.markRead(c, share));
                    case "refer in the city" -> status(() -> service.refer(c, new ReferralDraft("370500", 1L, sjj.id(), "再移送", null)));
                    case "share in the city" -> status(() -> service.share(c, new ShareDraft("370500", "通报", "请阅", 7L, null, null,
                            List.of(sjj.id()))));
                    case "register in the city" -> status(() -> register(c, "370500", "D" + n[0]++, "部门", DepartmentKind.OTHER));
                    case "acknowledge city referral" -> status(() -> service.acknowledge(c, city, null));
                    default -> throw new IllegalStateException(what);
                });
            }
            actual.put(what, row);
        }
        assertEquals(expected, actual);
    }

    @Test
    void evidenceWhoseStoredBytesNoLongerMatchTheirHashIsNeverServed() {
        Department sjj = register(CITY, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT);
        Referral r = service.refer(CITY, new ReferralDraft(null, 1L, sjj.id(), "请依职责核查", null));
        ReferralEvidence evidence = service.attach(CITY, r.id(), "材料.pdf", PDF);
        assertArrayEquals(PDF, service.evidence(CITY_AUDIT, r.id(), evidence.id()).content());
        int changed = jpa.txExpr(em -> em.createNativeQuery("UPDATE SV_COOP_REFERRAL_FILE SET CONTENT = ? WHERE ID = ?")
                .setParameter(1, "%PDF-1.4 tampered".getBytes(java.nio.charset.StandardCharsets.UTF_8)).setParameter(2, evidence.id())
                .executeUpdate());
        assertEquals(1, changed);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> service.evidence(CITY_AUDIT, r.id(), evidence.id()));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> service.evidence(CITY, r.id(), evidence.id()));
    }
}
