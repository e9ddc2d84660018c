package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.cooperation.CooperationService;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.itests.ConsoleBrowser.Driver;

/**
 * The evaluator's 专家评分 page shows the grades the evaluator already gave (after a reload, not only right after
 * grading), and 消息 opens the page of the record a message is about for the reader's role: a department's supervision
 * task opens 督办任务 with that task, not the unit's 我的填报.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleGradingIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    @Inject
    RegistryService registry;
    @Inject
    TaskService tasks;
    @Inject
    CooperationService cooperation;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    @AfterClass
    public static void stopBrowser() {
        ConsoleBrowser.quit();
    }

    @Test
    public void theEvaluatorSeesTheGradesItGaveBefore() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());
        String title = "评分回显测试 " + System.nanoTime() % 1_000_000;
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"" + title + "\",\"period\":{\"type\":\"QUARTER\",\"year\":2026,\"number\":4},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"workingGroup\":[{\"username\":\"evaluator\",\"role\":\"EXPERT\",\"indicatorCodes\":[\"D1.2\"],\"unitIds\":[" + czj + "]}]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        Http.Reply start = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}");
        assertEquals(start.body(), 200, start.status());
        String justification = "评分回显：重点工作按期推进 " + id;
        Http.Reply grade = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "evaluator",
                "{\"unitId\":" + czj + ",\"code\":\"D1.2\",\"source\":\"EVALUATOR\",\"input\":{\"grades\":[{\"label\":\"较好\",\"justification\":\""
                        + justification + "\"}]}}");
        assertTrue(grade.body(), grade.status() == 201 || grade.status() == 200);

        Driver.Session s = loginAs("evaluator");
        s.open(BASE + "/console/grading");
        s.waitFor("location.pathname === '/console/grading' && document.querySelector('#grading-table') !== null", 20_000);
        if (!s.script("return String(document.body.innerText.includes('" + title + "'))").equals("true")) {
            s.click("#grading-campaign");
            s.clickXpath("//li[contains(@class,'el-select-dropdown__item')][contains(., '" + title + "')]");
        }
        s.waitFor("document.body.innerText.includes('" + title + "')", 10_000);
        // the grade given before the page was opened: its level and its justification, on the D1.2 row
        s.waitFor("[...document.querySelectorAll('#grading-table tr')].some(r => r.innerText.includes('D1.2') && r.innerText.includes('较好')"
                + " && r.innerText.includes('" + justification + "'))", 20_000);
        // the dialog starts from it
        s.clickXpath("//div[@id='grading-table']//tr[.//td[contains(., 'D1.2')]]//button[contains(@class,'grade-button')]");
        s.waitFor("document.querySelector('#grade-justification') !== null && document.querySelector('#grade-justification').value === '"
                + justification + "'", 10_000);
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void aDepartmentsTaskMessageOpensTheTaskOnSupervisionTasks() throws Exception {
        Http.await(API + "/v1/tasks", "city-admin", r -> r.status() == 200, 60_000);
        if (cooperation.departments(CITY, "370500", true).stream().noneMatch(d -> d.code().equals("SJJ"))) {
            cooperation.register(CITY, "370500", new DepartmentDraft("SJJ", "东营市审计局", DepartmentKind.AUDIT, List.of()));
        }
        long origin = 1 + System.nanoTime() % 1_000_000_000L;
        String title = "消息跳转测试 " + origin;
        List<TrackedTask> created = tasks.create(CITY, "370500", TaskOrigin.INSTRUCTION, origin, List.of(
                new TaskDraft(title, "核查编制使用情况", OwnerKind.DEPARTMENT, "SJJ", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20))));
        long task = created.get(0).id();
        Http.await(API + "/v1/inbox", "city-audit", r -> r.status() == 200 && Json.anyText(r.body(), title), 30_000);

        Driver.Session s = loginAs("city-audit");
        s.open(BASE + "/console/inbox");
        String card = "//div[contains(@class,'message')][.//span[contains(@class,'subject')][contains(., '" + title + "')]]";
        s.waitFor("document.evaluate(\"" + card + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null", 20_000);
        s.clickXpath(card + "//button[contains(., '查看')]");
        s.waitFor("location.pathname === '/console/supervision-tasks' && location.search.includes('task=" + task + "')", 10_000);
        s.waitFor("document.body.innerText.includes('" + title + "')", 20_000);
        noConsoleErrors(s);
        s.close();
    }
}
