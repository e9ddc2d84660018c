package cn.supervision.itests;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

import cn.supervision.api.cooperation.CooperationService;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TrackedTask;

/**
 * Tracked tasks assigned in process (as the report and meeting bundles do) to a unit, a cooperating department and the
 * office, then followed over HTTP: each owner sees and reports on its own task only, another county is refused, bad
 * input is named, the office closes, reopens and re-dates; a task whose deadline has passed is listed as overdue and
 * the daily task-deadlines pass tells its owner and the office once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class TasksIT {
    static final String API = PlatformIT.API;
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    @Inject
    TaskService tasks;
    @Inject
    CooperationService cooperation;
    @Inject
    Scheduler scheduler;
    @Inject
    SessionFactory shell;
    @Inject
    @Filter("(osgi.jndi.service.name=supervision)")
    DataSource dataSource;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    private static Http.Reply ok(int status, Http.Reply r) {
        assertEquals(r.body(), status, r.status());
        return r;
    }

    private static boolean lists(String json, long id) {
        return Json.has(json, "id", id);
    }

    @Test
    public void ownersFollowTheirTasksAndOverdueTasksShow() throws Exception {
        Http.await(API + "/v1/tasks", "city-admin", r -> r.status() == 200, 60_000);
        if (cooperation.departments(CITY, "370500", true).stream().noneMatch(d -> d.code().equals("SJJ"))) {
            cooperation.register(CITY, "370500", new DepartmentDraft("SJJ", "东营市审计局", DepartmentKind.AUDIT, List.of()));
        }
        long origin = 1 + System.nanoTime() % 1_000_000_000L;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // all or nothing: an unknown unit refuses the whole instruction
        SupervisionException bad = assertThrows(SupervisionException.class, () -> tasks.create(CITY, "370500", TaskOrigin.INSTRUCTION,
                origin, List.of(new TaskDraft("合格事项", null, OwnerKind.OFFICE, null, today.plusDays(5)),
                        new TaskDraft("不存在的单位", null, OwnerKind.UNIT, "NO-SUCH-UNIT", today.plusDays(5)))));
        assertEquals(ProblemKind.INVALID, bad.kind());
        String byOrigin = API + "/v1/tasks?origin=INSTRUCTION&originId=" + origin;
        assertEquals("[]", ok(200, Http.get(byOrigin, "city-admin")).body());

        List<TrackedTask> created = tasks.create(CITY, "370500", TaskOrigin.INSTRUCTION, origin, List.of(
                new TaskDraft("压减财政供养人员", "按批示要求形成方案", OwnerKind.UNIT, "CZJ", today.plusDays(30)),
                new TaskDraft("审计编制使用情况", null, OwnerKind.DEPARTMENT, "SJJ", today.plusDays(20)),
                new TaskDraft("形成专项报告", null, OwnerKind.OFFICE, null, today.plusDays(40))));
        long czjTask = created.get(0).id();
        long auditTask = created.get(1).id();
        long officeTask = created.get(2).id();
        assertEquals("东营市审计局", created.get(1).ownerName());

        // who sees what
        String all = ok(200, Http.get(byOrigin, "city-admin")).body();
        assertTrue(all, lists(all, czjTask) && lists(all, auditTask) && lists(all, officeTask));
        assertEquals("3", ok(200, Http.get(byOrigin, "city-leader")).header("X-Total-Count"));
        String mine = ok(200, Http.get(byOrigin, "czj-user")).body();
        assertTrue(mine, lists(mine, czjTask) && !lists(mine, auditTask) && !lists(mine, officeTask));
        String audit = ok(200, Http.get(byOrigin + "&jurisdiction=370500", "city-audit")).body();
        assertTrue(audit, lists(audit, auditTask) && !lists(audit, czjTask));
        assertEquals("[]", ok(200, Http.get(byOrigin, "city-discipline")).body());
        assertEquals("[]", ok(200, Http.get(byOrigin, "lijin-audit")).body());
        ok(403, Http.get(byOrigin + "&jurisdiction=370500", "lijin-admin"));
        assertEquals("[]", ok(200, Http.get(byOrigin, "lijin-admin")).body());
        ok(401, Http.get(byOrigin, null));
        ok(200, Http.get(API + "/v1/tasks/" + czjTask, "czj-user"));
        ok(403, Http.get(API + "/v1/tasks/" + auditTask, "czj-user"));
        ok(403, Http.get(API + "/v1/tasks/" + czjTask, "lijin-admin"));
        ok(403, Http.get(API + "/v1/tasks/" + czjTask + "/history", "city-audit"));
        ok(404, Http.get(API + "/v1/tasks/999999999", "city-admin"));
        assertTrue(Json.anyText(ok(400, Http.get(byOrigin + "&state=FINISHED", "city-admin")).body(), "state"));
        assertTrue(Json.anyText(ok(400, Http.get(byOrigin + "&overdue=maybe", "city-admin")).body(), "overdue"));
        assertTrue(Json.anyText(ok(400, Http.get(API + "/v1/tasks?originId=abc", "city-admin")).body(), "originId"));

        // progress: the owner only, while open, with clear problems
        String progress = API + "/v1/tasks/" + czjTask + "/progress";
        ok(403, Http.json("POST", progress, "lijin-admin", "{\"text\":\"外县\",\"percent\":10}"));
        ok(403, Http.json("POST", progress, "city-audit", "{\"text\":\"别人的\",\"percent\":10}"));
        ok(403, Http.json("POST", progress, "city-leader", "{\"text\":\"领导\",\"percent\":10}"));
        ok(403, Http.json("POST", API + "/v1/tasks/" + auditTask + "/progress", "czj-user", "{\"text\":\"别人的\"}"));
        ok(401, Http.json("POST", progress, null, "{\"text\":\"匿名\"}"));
        assertTrue(Json.has(ok(400, Http.json("POST", progress, "czj-user", "{\"text\":\"进展\",\"percent\":120}")).body(), "field", "percent"));
        assertTrue(Json.has(ok(400, Http.json("POST", progress, "czj-user", "{\"text\":\"  \",\"percent\":50}")).body(), "field", "text"));
        ok(400, Http.json("POST", progress, "czj-user", "{\"text\":"));
        ok(400, Http.json("POST", progress, "czj-user", "{\"text\":\"进展\",\"percent\":\"一半\"}"));
        ok(413, Http.json("POST", progress, "czj-user", "{\"text\":\"" + "长".repeat(700_000) + "\"}"));
        ok(404, Http.json("POST", API + "/v1/tasks/999999999/progress", "czj-user", "{\"text\":\"进展\"}"));
        assertEquals(0, tasks.get(CITY, czjTask).progress().size());
        String reported = ok(200, Http.json("POST", progress, "czj-user", "{\"text\":\"已制定清理方案\",\"percent\":40}")).body();
        assertTrue(reported, Json.has(reported, "text", "已制定清理方案") && Json.has(reported, "percent", 40));
        ok(200, Http.json("POST", API + "/v1/tasks/" + auditTask + "/progress", "city-audit", "{\"text\":\"审计组已进场\"}"));

        // the office closes; progress on a closed task is a conflict; reopened and re-dated with reasons
        String close = API + "/v1/tasks/" + czjTask + "/close";
        ok(403, Http.json("POST", close, "czj-user", "{\"note\":\"自行办结\"}"));
        ok(403, Http.json("POST", close, "lijin-admin", "{\"note\":\"外县\"}"));
        assertTrue(Json.has(ok(400, Http.json("POST", close, "city-admin", "{}")).body(), "field", "note"));
        assertTrue(Json.has(ok(200, Http.json("POST", close, "city-admin", "{\"note\":\"方案已落实\"}")).body(), "state", "DONE"));
        assertTrue(Json.anyText(ok(409, Http.json("POST", progress, "czj-user", "{\"text\":\"补报\"}")).body(), "已办结"));
        ok(409, Http.json("POST", close, "city-admin", "{\"note\":\"再次办结\"}"));
        ok(400, Http.json("POST", API + "/v1/tasks/" + czjTask + "/reopen", "city-admin", "{\"reason\":\"\"}"));
        assertTrue(Json.has(ok(200, Http.json("POST", API + "/v1/tasks/" + czjTask + "/reopen", "city-admin", "{\"reason\":\"复查未落实\"}"))
                .body(), "state", "OPEN"));
        String redate = API + "/v1/tasks/" + czjTask + "/deadline";
        assertTrue(Json.has(ok(400, Http.json("POST", redate, "city-admin", "{\"deadline\":\"" + today.minusDays(1) + "\",\"reason\":\"倒签\"}"))
                .body(), "field", "deadline"));
        ok(400, Http.json("POST", redate, "city-admin", "{\"deadline\":\"明天\",\"reason\":\"格式\"}"));
        ok(403, Http.json("POST", redate, "czj-user", "{\"deadline\":\"" + today.plusDays(10) + "\",\"reason\":\"自己延期\"}"));
        assertTrue(Json.has(ok(200, Http.json("POST", redate, "city-admin", "{\"deadline\":\"" + today.plusDays(10) + "\",\"reason\":\"压缩时限\"}"))
                .body(), "deadline", today.plusDays(10)));

        // time passes: the unit's deadline is yesterday (set in the database, as if the days had gone by)
        String overdueOnly = byOrigin + "&overdue=true";
        assertEquals("[]", ok(200, Http.get(overdueOnly, "city-admin")).body());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE SV_TASK SET DEADLINE = ? WHERE ID = ?")) {
            s.setLong(1, today.minusDays(1).toEpochDay());
            s.setLong(2, czjTask);
            assertEquals(1, s.executeUpdate());
        }
        String overdue = ok(200, Http.get(overdueOnly, "city-admin")).body();
        assertTrue(overdue, lists(overdue, czjTask) && !lists(overdue, auditTask) && Json.has(overdue, "overdue", true));
        String first = ok(200, Http.get(byOrigin, "city-admin")).body();
        assertTrue("overdue first: " + first, first.startsWith("[{\"id\":" + czjTask + ","));
        assertTrue(lists(ok(200, Http.get(overdueOnly, "czj-user")).body(), czjTask));
        assertEquals("[]", ok(200, Http.get(overdueOnly, "city-audit")).body());

        // the shell lists it as overdue
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = shell.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            session.execute("supervision:tasks --overdue -j 370500");
        } finally {
            session.close();
        }
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed, listed.contains("压减财政供养人员") && listed.contains("逾期") && listed.contains("东营市财政局")
                && !listed.contains("审计编制使用情况"));

        // the daily pass tells the unit and the office once
        PassResult run = scheduler.runNow(Caller.system("tasks-it"), "task-deadlines").get(0);
        assertTrue(run.toString(), run.notes().stream().anyMatch(n -> n.contains("#" + czjTask + " 逾期")));
        String link = "/v1/tasks/" + czjTask;
        String unitInbox = ok(200, Http.get(API + "/v1/inbox", "czj-user")).body();
        assertTrue(unitInbox, Json.has(unitInbox, "category", "TASK_OVERDUE") && Json.has(unitInbox, "link", link));
        assertTrue(Json.has(ok(200, Http.get(API + "/v1/inbox", "city-admin")).body(), "link", link));
        PassResult again = scheduler.runNow(Caller.system("tasks-it"), "task-deadlines").get(0);
        assertFalse(again.toString(), again.notes().stream().anyMatch(n -> n.contains("#" + czjTask + " ")));
        String history = ok(200, Http.get(API + "/v1/tasks/" + czjTask + "/history", "czj-user")).body();
        for (String action : List.of("CREATED", "PROGRESS", "CLOSED", "REOPENED", "REDATED", "OVERDUE")) {
            assertTrue(action + " in " + history, Json.has(history, "action", action));
        }

        assertTrue(Json.has(ok(200, Http.json("POST", API + "/v1/tasks/" + officeTask + "/cancel", "city-admin", "{\"reason\":\"并入年度报告\"}"))
                .body(), "state", "CANCELLED"));
        String openApi = Http.get(API + "/openapi.json", null).body();
        assertTrue("described in the OpenAPI document", Json.documents(openApi, "/v1/tasks/{id}/progress") && Json.documents(openApi, "/v1/tasks/{id}/deadline"));
    }
}
