package cn.supervision.task.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskEvent;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

class TaskDeadlinePassTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private LocalJpaTemplate jpa;
    private MutableClock clock;
    private Fakes.Notifications notifications;
    private JpaTaskService tasks;
    private TaskDeadlinePass pass;
    private long unitTask;
    private long auditTask;
    private long officeTask;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("task-test", "META-INF/task-test-persistence.xml");
        clock = new MutableClock(at(TODAY));
        notifications = new Fakes.Notifications();
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING,
                List.of(Fakes.unit(1, "CZJ", "东营市财政局", "370500", UnitStatus.ACTIVE)));
        tasks = new JpaTaskService(jpa, registry, List.of(new Fakes.Departments(List.of(
                Fakes.department(1, "370500", "SJJ", "东营市审计局", true)))), List.of(notifications),
                List.of(new Fakes.Users(List.of(
                        new UserInfo("city-audit", Set.of(Role.DEPARTMENT), "370500", null, null, null, "SJJ"),
                        new UserInfo("lijin-audit", Set.of(Role.DEPARTMENT), "370522", null, null, null, "SJJ"),
                        new UserInfo("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ", null, null)))), clock);
        pass = new TaskDeadlinePass(tasks, 3);
        List<TrackedTask> created = tasks.create(CITY, "370500", TaskOrigin.MEETING_DECISION, 4, List.of(
                new TaskDraft("财政供养人员清理", null, OwnerKind.UNIT, "CZJ", TODAY.plusDays(10)),
                new TaskDraft("编制使用审计", null, OwnerKind.DEPARTMENT, "SJJ", TODAY.plusDays(10)),
                new TaskDraft("专项报告", null, OwnerKind.OFFICE, null, TODAY.plusDays(30))));
        unitTask = created.get(0).id();
        auditTask = created.get(1).id();
        officeTask = created.get(2).id();
        notifications.sent.clear();
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    /** 01:00 in Dongying: the scheduler's daily run. */
    static Instant at(LocalDate day) {
        return day.atTime(1, 0).atZone(Deadlines.ZONE).toInstant();
    }

    private PassResult run(LocalDate day) {
        clock.set(at(day));
        return pass.run(at(day));
    }

    @Test
    void remindsBeforeTheDeadlineAndTellsOwnerAndOfficeOnceWhenOverdue() {
        assertEquals(0, run(TODAY.plusDays(6)).changed(), "four days before: nothing yet");
        assertTrue(notifications.sent.isEmpty());

        PassResult soon = run(TODAY.plusDays(7));
        assertEquals(2, soon.changed());
        assertEquals(List.of("unit:370500/CZJ TASK_DUE /v1/tasks/" + unitTask, "users:[city-audit] TASK_DUE /v1/tasks/" + auditTask),
                notifications.sent);
        assertEquals(0, run(TODAY.plusDays(7)).changed(), "same day again: nothing");
        assertEquals(0, run(TODAY.plusDays(10)).changed(), "the deadline day: reminded already, not overdue yet");
        assertEquals(2, notifications.sent.size());

        notifications.sent.clear();
        PassResult overdue = run(TODAY.plusDays(11));
        assertEquals(2, overdue.changed());
        assertEquals(List.of("unit:370500/CZJ TASK_OVERDUE /v1/tasks/" + unitTask, "office:370500 TASK_OVERDUE /v1/tasks/" + unitTask,
                "users:[city-audit] TASK_OVERDUE /v1/tasks/" + auditTask, "office:370500 TASK_OVERDUE /v1/tasks/" + auditTask),
                notifications.sent);
        assertTrue(overdue.notes().get(0).contains("逾期"), overdue.notes().toString());
        assertEquals(0, run(TODAY.plusDays(11)).changed(), "same day again: nothing");
        assertEquals(0, run(TODAY.plusDays(12)).changed(), "the next day: told once only");
        assertEquals(4, notifications.sent.size());
        List<TaskEvent> history = tasks.history(CITY, unitTask);
        assertEquals("OVERDUE", history.get(history.size() - 1).action());
        assertEquals(TaskDeadlinePass.ACTOR, history.get(history.size() - 1).actor());
        assertEquals(1, history.stream().filter(e -> e.action().equals("OVERDUE")).count());

        // a new deadline is reminded and, once passed, reported afresh; a closed task is left alone
        notifications.sent.clear();
        tasks.redate(CITY, unitTask, TODAY.plusDays(14), "延期一周");
        tasks.close(CITY, auditTask, "审计完成");
        assertEquals(List.of("users:[city-audit] TASK_CLOSED /v1/tasks/" + auditTask), notifications.sent);
        notifications.sent.clear();
        run(TODAY.plusDays(12));
        assertEquals(List.of("unit:370500/CZJ TASK_DUE /v1/tasks/" + unitTask), notifications.sent);
        run(TODAY.plusDays(15));
        assertEquals(List.of("unit:370500/CZJ TASK_DUE /v1/tasks/" + unitTask, "unit:370500/CZJ TASK_OVERDUE /v1/tasks/" + unitTask,
                "office:370500 TASK_OVERDUE /v1/tasks/" + unitTask), notifications.sent);
    }

    @Test
    void theOfficeOwningATaskIsToldOnce() {
        run(TODAY.plusDays(40));
        long toOffice = notifications.sent.stream().filter(s -> s.equals("office:370500 TASK_OVERDUE /v1/tasks/" + officeTask)).count();
        assertEquals(1, toOffice, notifications.sent.toString());
        assertTrue(notifications.sent.stream().noneMatch(s -> s.contains("TASK_DUE")), "overdue already: no reminder before it");
    }

    @Test
    void withoutNotificationsNothingIsRememberedAsSent() {
        JpaTaskService silent = new JpaTaskService(jpa, new FakeRegistry(FakeRegistry.DONGYING, List.of()), List.of(), List.of(),
                List.of(), clock);
        PassResult r = new TaskDeadlinePass(silent, 3).run(at(TODAY.plusDays(11)));
        assertEquals(0, r.changed());
        assertEquals(2, r.examined());
        assertEquals(2, run(TODAY.plusDays(11)).changed(), "told once the notification service is there");
    }
}
