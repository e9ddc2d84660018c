package cn.supervision.task.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskEvent;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

class TaskServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller CITY_LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller CZJ = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller JYJ = new Caller("jyj-user", Set.of(Role.UNIT_USER), "370500", "JYJ");
    static final Caller AUDIT = new Caller("city-audit", Set.of(Role.DEPARTMENT), "370500", null, "SJJ");
    static final Caller DISCIPLINE = new Caller("city-discipline", Set.of(Role.DEPARTMENT), "370500", null, "JW");
    static final Caller LIJIN_AUDIT = new Caller("lijin-audit", Set.of(Role.DEPARTMENT), "370522", null, "SJJ");
    /** 10:00 in Dongying on 2026-11-30. */
    static final Instant START = Instant.parse("2026-11-30T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private LocalJpaTemplate jpa;
    private MutableClock clock;
    private Fakes.Notifications notifications;
    private JpaTaskService tasks;
    private FakeRegistry registry;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("task-test", "META-INF/task-test-persistence.xml");
        clock = new MutableClock(START);
        notifications = new Fakes.Notifications();
        registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(
                Fakes.unit(1, "CZJ", "东营市财政局", "370500", UnitStatus.ACTIVE),
                Fakes.unit(2, "JYJ", "东营市教育局", "370500", UnitStatus.ACTIVE),
                Fakes.unit(3, "OLD", "东营市已撤销局", "370500", UnitStatus.ABOLISHED),
                Fakes.unit(4, "LJ-CZ", "利津县财政局", "370522", UnitStatus.ACTIVE)));
        tasks = service(List.of(new Fakes.Departments(List.of(
                Fakes.department(1, "370500", "SJJ", "东营市审计局", true),
                Fakes.department(2, "370500", "JW", "东营市纪委监委", true),
                Fakes.department(3, "370500", "TJ", "东营市统计局", false),
                Fakes.department(4, "370522", "SJJ", "利津县审计局", true)))));
    }

    private JpaTaskService service(List<DepartmentDirectory> departments) {
        return new JpaTaskService(jpa, registry, departments, List.of(notifications), List.of(new Fakes.Users(List.of(
                new UserInfo("city-audit", Set.of(Role.DEPARTMENT), "370500", null, null, null, "SJJ"),
                new UserInfo("city-audit-2", Set.of(Role.DEPARTMENT), "370500", null, null, null, "SJJ"),
                new UserInfo("lijin-audit", Set.of(Role.DEPARTMENT), "370522", null, null, null, "SJJ"),
                new UserInfo("city-discipline", Set.of(Role.DEPARTMENT), "370500", null, null, null, "JW")))), clock);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static TaskDraft draft(String title, OwnerKind kind, String code, LocalDate deadline) {
        return new TaskDraft(title, "按批示要求办理", kind, code, deadline);
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    static List<String> fields(SupervisionException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    /** Three tasks of instruction #7 in the city: the finance bureau, the audit bureau, the office. */
    private List<TrackedTask> cityTasks() {
        return tasks.create(CITY, "370500", TaskOrigin.INSTRUCTION, 7, List.of(
                draft("压减财政供养人员", OwnerKind.UNIT, "CZJ", TODAY.plusDays(10)),
                draft("审计编制使用情况", OwnerKind.DEPARTMENT, "SJJ", TODAY.plusDays(5)),
                draft("形成专项报告", OwnerKind.OFFICE, null, TODAY.plusDays(20))));
    }

    private List<TrackedTask> all() {
        return tasks.list(Caller.system("test"), null, TaskQuery.all(), 0, 1000);
    }

    // ------------------------------------------------------------------ creation

    @Test
    void createResolvesEveryOwnerAndKeepsTheHistory() {
        List<TrackedTask> created = cityTasks();
        assertEquals(3, created.size());
        assertEquals("东营市财政局", created.get(0).ownerName());
        assertEquals("东营市审计局", created.get(1).ownerName());
        assertEquals("东营市委编办", created.get(2).ownerName());
        assertNull(created.get(2).ownerCode());
        TrackedTask t = created.get(0);
        assertEquals(TaskState.OPEN, t.state());
        assertEquals(TaskOrigin.INSTRUCTION, t.origin());
        assertEquals(7, t.originId());
        assertEquals("city-admin", t.createdBy());
        assertFalse(t.overdue());
        List<TaskEvent> history = tasks.history(CITY, t.id());
        assertEquals(1, history.size());
        assertEquals("CREATED", history.get(0).action());
        assertTrue(history.get(0).detail().contains("领导批示 #7"), history.get(0).detail());
        // the owners are told: the unit, the department's two users, the office
        assertTrue(notifications.sent.contains("unit:370500/CZJ TASK_ASSIGNED /v1/tasks/" + t.id()), notifications.sent.toString());
        assertTrue(notifications.sent.contains("users:[city-audit, city-audit-2] TASK_ASSIGNED /v1/tasks/" + created.get(1).id()),
                notifications.sent.toString());
        assertEquals(created.stream().map(TrackedTask::id).toList(),
                tasks.list(CITY, "370500", TaskQuery.of(TaskOrigin.INSTRUCTION, 7), 0, 100).stream().map(TrackedTask::id).sorted().toList());
        assertTrue(tasks.list(CITY, "370500", TaskQuery.of(TaskOrigin.MEETING_DECISION, 7), 0, 100).isEmpty());
    }

    @Test
    void createIsAllOrNothingAndNamesEveryBadDraft() {
        SupervisionException e = refused(ProblemKind.INVALID, () -> tasks.create(CITY, "370500", TaskOrigin.MEETING_DECISION, 3, List.of(
                draft("合格的事项", OwnerKind.UNIT, "CZJ", TODAY),
                draft("外县单位", OwnerKind.UNIT, "LJ-CZ", TODAY.plusDays(1)),
                draft("已撤销单位", OwnerKind.UNIT, "OLD", TODAY.plusDays(1)),
                draft("过期", OwnerKind.OFFICE, null, TODAY.minusDays(1)),
                draft("停用的部门", OwnerKind.DEPARTMENT, "TJ", TODAY.plusDays(1)),
                draft("不存在的部门", OwnerKind.DEPARTMENT, "XX", TODAY.plusDays(1)),
                draft("编办不填代码", OwnerKind.OFFICE, "370500", TODAY.plusDays(1)),
                draft("  ", OwnerKind.UNIT, "CZJ", TODAY.plusDays(1)),
                new TaskDraft("缺类型", null, null, "CZJ", TODAY.plusDays(1)),
                new TaskDraft("缺期限", null, OwnerKind.UNIT, "CZJ", null))));
        assertEquals(List.of("drafts[1].ownerCode", "drafts[2].ownerCode", "drafts[3].deadline", "drafts[4].ownerCode",
                "drafts[5].ownerCode", "drafts[6].ownerCode", "drafts[7].title", "drafts[8].ownerKind", "drafts[9].deadline"), fields(e));
        assertTrue(all().isEmpty(), "nothing written");
        assertTrue(notifications.sent.isEmpty());

        // another jurisdiction's department of the same code is not this one's
        refused(ProblemKind.INVALID, () -> tasks.create(LIJIN, "370522", TaskOrigin.INSTRUCTION, 1,
                List.of(draft("纪委事项", OwnerKind.DEPARTMENT, "JW", TODAY))));
        refused(ProblemKind.INVALID, () -> tasks.create(CITY, "370500", TaskOrigin.INSTRUCTION, 1, List.of()));
        refused(ProblemKind.INVALID, () -> tasks.create(CITY, "370500", null, 1, List.of(draft("事项", OwnerKind.OFFICE, null, TODAY))));
        refused(ProblemKind.INVALID, () -> tasks.create(CITY, "370500", TaskOrigin.INSTRUCTION, 0, List.of(draft("事项", OwnerKind.OFFICE, null, TODAY))));
        refused(ProblemKind.NOT_FOUND, () -> tasks.create(CITY, "379999", TaskOrigin.INSTRUCTION, 1, List.of(draft("事项", OwnerKind.OFFICE, null, TODAY))));
        assertTrue(all().isEmpty(), "nothing written");
        // the deadline day itself is fine
        assertEquals(TODAY, tasks.create(CITY, "370500", TaskOrigin.INSTRUCTION, 1,
                List.of(draft("当天办结", OwnerKind.OFFICE, null, TODAY))).get(0).deadline());
    }

    @Test
    void withoutTheDepartmentDirectoryDepartmentsCannotOwnTasks() {
        JpaTaskService alone = service(List.of());
        SupervisionException e = refused(ProblemKind.INVALID, () -> alone.create(CITY, "370500", TaskOrigin.INSTRUCTION, 1,
                List.of(draft("审计", OwnerKind.DEPARTMENT, "SJJ", TODAY))));
        assertEquals(List.of("drafts[0].ownerCode"), fields(e));
        assertEquals(1, alone.create(CITY, "370500", TaskOrigin.INSTRUCTION, 1, List.of(draft("单位", OwnerKind.UNIT, "CZJ", TODAY))).size());
    }

    @Test
    void onlyTheOwnOfficeAssignsTasks() {
        List<TaskDraft> one = List.of(draft("事项", OwnerKind.UNIT, "CZJ", TODAY));
        refused(ProblemKind.FORBIDDEN, () -> tasks.create(LIJIN, "370500", TaskOrigin.INSTRUCTION, 1, one));
        refused(ProblemKind.FORBIDDEN, () -> tasks.create(CZJ, "370500", TaskOrigin.INSTRUCTION, 1, one));
        refused(ProblemKind.FORBIDDEN, () -> tasks.create(CITY_LEADER, "370500", TaskOrigin.INSTRUCTION, 1, one));
        refused(ProblemKind.FORBIDDEN, () -> tasks.create(AUDIT, "370500", TaskOrigin.INSTRUCTION, 1, one));
        // the city does not assign a county's tasks either (MANAGE_TASKS is the office's own jurisdiction)
        refused(ProblemKind.FORBIDDEN, () -> tasks.create(CITY, "370522", TaskOrigin.INSTRUCTION, 1, List.of(draft("事项", OwnerKind.UNIT, "LJ-CZ", TODAY))));
        assertTrue(all().isEmpty());
    }

    // ------------------------------------------------------------------ authority

    @Test
    void ownersSeeOnlyTheirOwnTasks() {
        List<TrackedTask> created = cityTasks();
        long unitTask = created.get(0).id();
        long auditTask = created.get(1).id();
        long officeTask = created.get(2).id();
        tasks.create(LIJIN, "370522", TaskOrigin.INSTRUCTION, 9, List.of(draft("利津审计", OwnerKind.DEPARTMENT, "SJJ", TODAY)));

        assertEquals(List.of(unitTask), ids(tasks.list(CZJ, "370500", TaskQuery.all(), 0, 100)));
        assertEquals(List.of(unitTask), ids(tasks.list(CZJ, null, TaskQuery.all(), 0, 100)));
        assertEquals(unitTask, tasks.get(CZJ, unitTask).id());
        refused(ProblemKind.FORBIDDEN, () -> tasks.get(CZJ, auditTask));
        refused(ProblemKind.FORBIDDEN, () -> tasks.get(CZJ, officeTask));
        refused(ProblemKind.FORBIDDEN, () -> tasks.history(CZJ, auditTask));
        assertTrue(tasks.list(JYJ, "370500", TaskQuery.all(), 0, 100).isEmpty());
        refused(ProblemKind.FORBIDDEN, () -> tasks.list(CZJ, "370522", TaskQuery.all(), 0, 100));

        assertEquals(List.of(auditTask), ids(tasks.list(AUDIT, "370500", TaskQuery.all(), 0, 100)));
        refused(ProblemKind.FORBIDDEN, () -> tasks.get(AUDIT, unitTask));
        assertTrue(tasks.list(DISCIPLINE, null, TaskQuery.all(), 0, 100).isEmpty());
        refused(ProblemKind.FORBIDDEN, () -> tasks.get(LIJIN_AUDIT, auditTask));
        assertEquals(1, tasks.list(LIJIN_AUDIT, null, TaskQuery.all(), 0, 100).size(), "its own county's audit task only");

        refused(ProblemKind.FORBIDDEN, () -> tasks.list(LIJIN, "370500", TaskQuery.all(), 0, 100));
        refused(ProblemKind.FORBIDDEN, () -> tasks.get(LIJIN, unitTask));
        assertEquals(1, tasks.list(LIJIN, null, TaskQuery.all(), 0, 100).size());
        assertEquals(4, tasks.list(CITY, null, TaskQuery.all(), 0, 100).size(), "the city reads its counties' too");
        assertEquals(3, tasks.list(CITY_LEADER, "370500", TaskQuery.all(), 0, 100).size());
    }

    @Test
    void progressByTheOwnerOnlyAndOnlyWhileOpen() {
        List<TrackedTask> created = cityTasks();
        long unitTask = created.get(0).id();
        long auditTask = created.get(1).id();

        refused(ProblemKind.FORBIDDEN, () -> tasks.reportProgress(JYJ, unitTask, "代报", 10));
        refused(ProblemKind.FORBIDDEN, () -> tasks.reportProgress(AUDIT, unitTask, "代报", 10));
        refused(ProblemKind.FORBIDDEN, () -> tasks.reportProgress(CITY_LEADER, unitTask, "领导", 10));
        refused(ProblemKind.FORBIDDEN, () -> tasks.reportProgress(LIJIN, unitTask, "外县", 10));
        refused(ProblemKind.FORBIDDEN, () -> tasks.reportProgress(CZJ, auditTask, "别人的", 10));
        assertEquals(List.of("percent"), fields(refused(ProblemKind.INVALID, () -> tasks.reportProgress(CZJ, unitTask, "进展", 120))));
        assertEquals(List.of("percent"), fields(refused(ProblemKind.INVALID, () -> tasks.reportProgress(CZJ, unitTask, "进展", -1))));
        assertEquals(List.of("text"), fields(refused(ProblemKind.INVALID, () -> tasks.reportProgress(CZJ, unitTask, "  ", 50))));
        assertEquals(List.of("text"), fields(refused(ProblemKind.INVALID, () -> tasks.reportProgress(CZJ, unitTask, "长".repeat(2001), 50))));
        refused(ProblemKind.NOT_FOUND, () -> tasks.reportProgress(CZJ, 999_999, "进展", 50));
        assertTrue(tasks.get(CITY, unitTask).progress().isEmpty(), "nothing written");

        TrackedTask t = tasks.reportProgress(CZJ, unitTask, "已完成清理方案", 40);
        tasks.reportProgress(CZJ, unitTask, "方案已报批", null);
        tasks.reportProgress(AUDIT, auditTask, "审计进场", 10);
        tasks.reportProgress(CITY, created.get(2).id(), "报告初稿", 50);
        assertEquals(1, t.progress().size());
        List<String> texts = tasks.get(CITY, unitTask).progress().stream().map(p -> p.text() + "/" + p.percent() + "/" + p.reportedBy()).toList();
        assertEquals(List.of("已完成清理方案/40/czj-user", "方案已报批/null/czj-user"), texts);
        assertTrue(notifications.sent.contains("office:370500 TASK_PROGRESS /v1/tasks/" + unitTask));

        tasks.close(CITY, unitTask, "已按批示办结");
        SupervisionException closed = refused(ProblemKind.CONFLICT, () -> tasks.reportProgress(CZJ, unitTask, "补报", 100));
        assertTrue(closed.getMessage().contains("已办结"), closed.getMessage());
        assertEquals(2, tasks.get(CZJ, unitTask).progress().size());
    }

    @Test
    void theOfficeClosesCancelsReopensAndRedatesWithReasons() {
        long id = cityTasks().get(0).id();
        refused(ProblemKind.FORBIDDEN, () -> tasks.close(CZJ, id, "自己办结"));
        refused(ProblemKind.FORBIDDEN, () -> tasks.close(LIJIN, id, "外县"));
        refused(ProblemKind.FORBIDDEN, () -> tasks.close(CITY_LEADER, id, "领导"));
        assertEquals(List.of("note"), fields(refused(ProblemKind.INVALID, () -> tasks.close(CITY, id, " "))));
        refused(ProblemKind.CONFLICT, () -> tasks.reopen(CITY, id, "未关闭"));

        TrackedTask done = tasks.close(CITY, id, "已按批示办结");
        assertEquals(TaskState.DONE, done.state());
        assertEquals("city-admin", done.closedBy());
        assertEquals("已按批示办结", done.closingNote());
        refused(ProblemKind.CONFLICT, () -> tasks.close(CITY, id, "再次办结"));
        refused(ProblemKind.CONFLICT, () -> tasks.cancel(CITY, id, "撤销"));
        refused(ProblemKind.CONFLICT, () -> tasks.redate(CITY, id, TODAY.plusDays(3), "延期"));
        assertEquals(List.of("reason"), fields(refused(ProblemKind.INVALID, () -> tasks.reopen(CITY, id, null))));

        TrackedTask reopened = tasks.reopen(CITY, id, "复查发现未落实");
        assertEquals(TaskState.OPEN, reopened.state());
        assertNull(reopened.closedBy());
        assertNull(reopened.closingNote());

        assertEquals(List.of("deadline"), fields(refused(ProblemKind.INVALID, () -> tasks.redate(CITY, id, TODAY.minusDays(1), "倒签"))));
        assertEquals(List.of("deadline", "reason"), fields(refused(ProblemKind.INVALID, () -> tasks.redate(CITY, id, null, ""))));
        assertEquals(TODAY.plusDays(30), tasks.redate(CITY, id, TODAY.plusDays(30), "需跨年度调整").deadline());

        TrackedTask cancelled = tasks.cancel(CITY, id, "机构改革后不再适用");
        assertEquals(TaskState.CANCELLED, cancelled.state());
        assertEquals("机构改革后不再适用", cancelled.closingNote());

        List<String> actions = tasks.history(CZJ, id).stream().map(TaskEvent::action).toList();
        assertEquals(List.of("CREATED", "CLOSED", "REOPENED", "REDATED", "CANCELLED"), actions);
        assertTrue(tasks.history(CITY, id).get(3).detail().contains("调整为 " + TODAY.plusDays(30)));
        assertEquals(3, all().size(), "never deleted");
    }

    // ------------------------------------------------------------------ overdue and listing

    @Test
    void overdueByThePlatformClockAndListedFirst() {
        List<TrackedTask> created = cityTasks(); // deadlines +10 (unit), +5 (audit), +20 (office)
        long unitTask = created.get(0).id();
        long auditTask = created.get(1).id();
        long officeTask = created.get(2).id();
        assertEquals(List.of(auditTask, unitTask, officeTask), ids(tasks.list(CITY, "370500", TaskQuery.all(), 0, 100)));
        assertTrue(tasks.list(CITY, "370500", new TaskQuery(null, null, null, true, null, null), 0, 100).isEmpty());

        clock.set(TODAY.plusDays(10).atStartOfDay(Deadlines.ZONE).toInstant().plusSeconds(23 * 3600 + 3599));
        assertTrue(tasks.get(CITY, auditTask).overdue());
        assertFalse(tasks.get(CITY, unitTask).overdue(), "the deadline day itself is not overdue, to its last second");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tasks.get(CITY, unitTask).overdue());
        // an earlier deadline that is not overdue any more (closed) goes after the overdue ones
        tasks.redate(CITY, officeTask, TODAY.plusDays(11), "提前");
        assertEquals(List.of(auditTask, unitTask, officeTask), ids(tasks.list(CITY, "370500", TaskQuery.all(), 0, 100)));
        tasks.close(CITY, auditTask, "审计已完成");
        assertFalse(tasks.get(CITY, auditTask).overdue(), "closed tasks are not overdue");
        assertEquals(List.of(unitTask, auditTask, officeTask), ids(tasks.list(CITY, "370500", TaskQuery.all(), 0, 100)));

        TaskQuery overdue = new TaskQuery(null, null, null, true, null, null);
        assertEquals(List.of(unitTask), ids(tasks.list(CITY, "370500", overdue, 0, 100)));
        assertEquals(List.of(unitTask), ids(tasks.list(CZJ, "370500", overdue, 0, 100)));
        assertTrue(tasks.list(JYJ, "370500", overdue, 0, 100).isEmpty());

        assertEquals(List.of(auditTask), ids(tasks.list(CITY, "370500", new TaskQuery(null, null, TaskState.DONE, false, null, null), 0, 100)));
        assertEquals(List.of(auditTask), ids(tasks.list(CITY, null, new TaskQuery(null, null, null, false, OwnerKind.DEPARTMENT, "SJJ"), 0, 100)));
        assertEquals(List.of(officeTask), ids(tasks.list(CITY, null, new TaskQuery(null, null, null, false, OwnerKind.OFFICE, null), 0, 100)));
        assertEquals(List.of(auditTask, officeTask), ids(tasks.list(CITY, "370500", TaskQuery.all(), 1, 2)));
        assertTrue(tasks.list(CITY, "370500", TaskQuery.all(), 3, 2).isEmpty());
        refused(ProblemKind.INVALID, () -> tasks.list(CITY, "370500", TaskQuery.all(), -1, 2));
        refused(ProblemKind.INVALID, () -> tasks.list(CITY, "370500", TaskQuery.all(), 0, 0));
    }

    @Test
    void aLongListingCarriesEveryTasksProgress() {
        List<TaskDraft> drafts = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> draft("事项 " + i, OwnerKind.UNIT, "CZJ", TODAY.plusDays(1 + i % 30))).toList();
        for (int origin = 1; origin <= 3; origin++) {
            tasks.create(CITY, "370500", TaskOrigin.MEETING_DECISION, origin, drafts);
        }
        List<TrackedTask> listed = tasks.list(CZJ, "370500", TaskQuery.all(), 0, 1000);
        assertEquals(600, listed.size());
        long first = listed.get(0).id();
        long last = listed.get(599).id();
        tasks.reportProgress(CZJ, first, "第一项进展", 10);
        tasks.reportProgress(CZJ, last, "最后一项进展", 90);
        List<TrackedTask> again = tasks.list(CZJ, "370500", TaskQuery.all(), 0, 1000);
        assertEquals("第一项进展", again.get(0).progress().get(0).text());
        assertEquals(90, again.get(599).progress().get(0).percent());
        assertEquals(2, again.stream().filter(t -> !t.progress().isEmpty()).count());
    }

    static List<Long> ids(List<TrackedTask> list) {
        return list.stream().map(TrackedTask::id).toList();
    }
}
