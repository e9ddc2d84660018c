package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.inject.Inject;

import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.registry.RegistryService;
import cn.supervision.itests.ConsoleBrowser.Driver;

/**
 * The console's cooperation pages in a real browser: the city office registers and deactivates a cooperating department,
 * refers a finding to 审计局 (SJJ) with an evidence file (a missing note is refused next to its field first); the audit
 * bureau's user sees only its own referrals, acknowledges and answers with a result file; 纪委监委 (JW) does not see it.
 * The office holds a joint meeting through to issued minutes (which become a numbered document), sets the year's
 * assessment mapping with a reason and exports it to Excel (the export log records it). The county office sees none of
 * the city's records; a department does not get the office's pages.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleCooperationIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    static final String COOP = API + "/v1/cooperation";

    @Inject
    RegistryService registry;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @AfterClass
    public static void stopBrowser() {
        ConsoleBrowser.quit();
    }

    private static Http.Reply ok(int status, Http.Reply reply) {
        assertEquals(reply.body(), status, reply.status());
        return reply;
    }

    /** The demo department {@code code} of the city, registered over HTTP when no other test has done it yet. */
    private static void ensureDepartment(String code, String name, String kind) throws Exception {
        String all = ok(200, Http.get(COOP + "/departments?jurisdiction=370500&inactive=true", "city-admin")).body();
        if (!Json.has(all, "code", code)) {
            Http.Reply r = Http.json("POST", COOP + "/departments", "city-admin", "{\"jurisdictionCode\":\"370500\",\"code\":\"" + code
                    + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"contacts\":[]}");
            assertTrue(r.body(), r.status() == 201 || r.status() == 409); // 409: registered meanwhile by another test
        }
    }

    /** Clicks an option of an Element Plus select (its class {@code name}, its dropdown {@code name-popper}). */
    private static void choose(Driver.Session s, String name, String option) throws Exception {
        s.click("." + name + " .el-select__wrapper");
        // the dropdown zooms in: click once it stands still (else the click lands on the option beside it)
        String ready = "[...document.querySelectorAll('." + name + "-popper')].some(p => p.offsetParent !== null"
                + " && p.getAnimations({ subtree: true }).length === 0"
                + " && [...p.querySelectorAll('li')].some(li => li.innerText.includes('" + option + "')))";
        for (int attempt = 1; ; attempt++) {
            s.waitFor(ready, 10_000);
            try {
                s.clickXpath("//div[contains(@class,'" + name + "-popper')]//li[contains(., '" + option + "')]");
                return;
            } catch (AssertionError e) {
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("click intercepted")) {
                    throw e;
                }
            }
        }
    }

    private static void settled(Driver.Session s) throws Exception {
        s.waitFor("document.querySelector('.table-count') !== null && !document.querySelector('.el-loading-mask:not([style*=\"display: none\"])')", 20_000);
    }

    @Test
    public void referralsMeetingsAndAssessmentInTheBrowser() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Http.await(COOP + "/departments", "city-admin", r -> r.status() == 200, 60_000);
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        ensureDepartment("SJJ", "东营市审计局", "AUDIT");
        ensureDepartment("JW", "东营市纪委监委", "DISCIPLINE_INSPECTION");
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user", r -> r.status() == 200, 60_000).body());
        String description = "控制台协作测试：超编借调人员" + suffix;
        long finding = Json.id(ok(201, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\","
                + "\"unitId\":" + czj + ",\"source\":{\"kind\":\"MANUAL\",\"reference\":\"控制台测试\"},\"category\":\"STAFFING\","
                + "\"severity\":\"SERIOUS\",\"description\":\"" + description + "\"}")).body());

        // ---------------------------------------------------------------- the office: departments
        Driver.Session admin = loginAs("city-admin");
        assertTrue(ConsoleBrowser.menus(admin), ConsoleBrowser.menus(admin).contains("协作部门"));
        admin.open(BASE + "/console/cooperation?tab=departments");
        admin.waitFor("document.querySelector('#departments-table') && document.querySelector('#departments-table').innerText.includes('SJJ')", 20_000);
        String code = "KZ" + suffix;
        admin.click("#new-department");
        admin.waitFor("document.querySelector('#department-code') !== null", 10_000);
        admin.type("#department-code", code);
        admin.type("#department-name", "控制台测试督查室" + suffix);
        choose(admin, "department-kind", "政府督查部门");
        admin.click("#department-submit");
        admin.waitFor("document.querySelector('#departments-table').innerText.includes('" + code + "')", 10_000);
        String registered = ok(200, Http.get(COOP + "/departments?jurisdiction=370500", "city-admin")).body();
        assertTrue(registered, Json.has(registered, "code", code) && Json.has(registered, "kind", "GOVERNMENT_SUPERVISION"));
        admin.clickXpath("//div[@id='departments-table']//tr[.//td[contains(., '" + code + "')]]//button[contains(@class,'deactivate-button')]");
        admin.waitFor("document.querySelector('#deactivate-reason') !== null", 10_000);
        admin.type("#deactivate-reason", "控制台测试：职能调整");
        admin.click("#deactivate-submit");
        admin.waitFor("!document.querySelector('#departments-table').innerText.includes('" + code + "')", 10_000);
        assertTrue(Json.has(ok(200, Http.get(COOP + "/departments?jurisdiction=370500&inactive=true", "city-admin")).body(),
                "code", code, "active", false));
        noConsoleErrors(admin);

        // ---------------------------------------------------------------- the office refers the finding to SJJ
        admin.open(BASE + "/console/cooperation?finding=" + finding);
        admin.waitFor("document.querySelector('#referral-note') !== null && document.querySelector('.referral-finding').innerText.includes('" + description + "')", 20_000);
        choose(admin, "referral-department", "（SJJ）");
        admin.click("#referral-submit");
        // no covering note: refused by the API, the message next to the note
        admin.waitFor("[...document.querySelectorAll('.el-form-item')].some(f => f.querySelector('#referral-note') && f.querySelector('.el-form-item__error'))", 10_000);
        admin.severeLogs();
        assertFalse("nothing was referred", Json.anyText(ok(200, Http.get(COOP + "/referrals?jurisdiction=370500", "city-admin")).body(), description));
        screenshot(admin, "90-referral-field-error");
        Path evidence = Files.createTempFile("referral", ".pdf");
        Files.writeString(evidence, "%PDF-1.4 移送佐证材料");
        admin.type("#referral-note", "涉嫌违规使用编制，请依职责核查");
        admin.type("#referral-file", evidence.toAbsolutePath().toString());
        admin.click("#referral-submit");
        admin.waitFor("document.querySelector('#referrals-table').innerText.includes('" + description + "')", 20_000);
        long referral = Long.parseLong(admin.script("return [...document.querySelectorAll('#referrals-table tbody tr')]"
                + ".find(r => r.innerText.includes('" + description + "')).querySelector('td').innerText.trim()"));
        String sent = ok(200, Http.get(COOP + "/referrals/" + referral, "city-admin")).body();
        assertTrue(sent, Json.has(sent, "departmentCode", "SJJ") && Json.has(sent, "state", "SENT") && Json.anyText(sent, "referral")
                && Json.has(sent, "fromDepartment", false) && Json.anyText(sent, "涉嫌违规使用编制"));
        screenshot(admin, "91-referrals");
        noConsoleErrors(admin);
        admin.close();

        // ---------------------------------------------------------------- the audit bureau acknowledges and answers
        Driver.Session audit = loginAs("city-audit");
        assertTrue(ConsoleBrowser.menus(audit), ConsoleBrowser.menus(audit).contains("协作事项") && !ConsoleBrowser.menus(audit).contains("协作部门"));
        audit.open(BASE + "/console/cooperation-inbox");
        audit.waitFor("document.querySelector('#inbox-referrals') && document.querySelector('#inbox-referrals').innerText.includes('" + description + "')", 20_000);
        String theirs = ok(200, Http.get(COOP + "/referrals", "city-audit")).body();
        assertFalse("only SJJ's referrals: " + theirs, Json.has(theirs, "departmentCode", "JW") || Json.has(theirs, "jurisdictionCode", "370522"));
        assertEquals(Json.count(theirs, "findingDescription"), Json.countWhere(theirs, "departmentCode", "SJJ"));
        audit.clickXpath("//div[@id='inbox-referrals']//tr[.//td[contains(., '" + description + "')]]//button[contains(@class,'receipt-button')]");
        audit.waitFor("document.querySelector('#receipt-note') !== null", 10_000);
        audit.type("#receipt-note", "已交审计二科办理");
        audit.click("#receipt-submit");
        audit.waitFor("[...document.querySelectorAll('#inbox-referrals tr')].some(r => r.innerText.includes('" + description + "') && r.innerText.includes('已签收'))", 20_000);
        assertTrue(Json.has(ok(200, Http.get(COOP + "/referrals/" + referral, "city-admin")).body(), "state", "ACKNOWLEDGED"));
        audit.clickXpath("//div[@id='inbox-referrals']//tr[.//td[contains(., '" + description + "')]]//button[contains(@class,'feedback-button')]");
        audit.waitFor("document.querySelector('#feedback-text') !== null", 10_000);
        audit.clickXpath("//div[@id='feedback-kind']//label[contains(., '处理结果')]");
        audit.waitFor("document.querySelector('#feedback-file') !== null", 10_000);
        Path result = Files.createTempFile("result", ".pdf");
        Files.writeString(result, "%PDF-1.4 审计处理决定");
        audit.type("#feedback-text", "经核查属实，已责令整改并追回违规发放的津贴");
        audit.type("#feedback-file", result.toAbsolutePath().toString());
        screenshot(audit, "92-department-feedback");
        audit.click("#feedback-submit");
        audit.waitFor("[...document.querySelectorAll('#inbox-referrals tr')].some(r => r.innerText.includes('" + description + "') && r.innerText.includes('已反馈处理结果'))", 20_000);
        String answered = ok(200, Http.get(COOP + "/referrals/" + referral, "city-admin")).body();
        assertTrue(answered, Json.has(answered, "state", "CONCLUDED") && Json.anyText(answered, "追回违规发放的津贴")
                && Json.has(answered, "fromDepartment", true) && Json.parse(answered).path("resultFileId").isIntegralNumber());
        screenshot(audit, "93-department-inbox");
        // a department does not get the office's pages
        audit.open(BASE + "/console/assessment");
        audit.waitFor("location.pathname !== '/console/assessment' && document.querySelector('#who') !== null", 10_000);
        audit.open(BASE + "/console/cooperation");
        audit.waitFor("location.pathname !== '/console/cooperation' && document.querySelector('#who') !== null", 10_000);
        noConsoleErrors(audit);
        audit.close();

        Driver.Session discipline = loginAs("city-discipline");
        discipline.open(BASE + "/console/cooperation-inbox");
        discipline.waitFor("document.querySelector('#inbox-referrals') !== null", 20_000);
        settled(discipline);
        assertFalse(discipline.text("#inbox-referrals").contains(description));
        assertFalse(Json.anyText(ok(200, Http.get(COOP + "/referrals", "city-discipline")).body(), description));
        noConsoleErrors(discipline);
        discipline.close();

        // ---------------------------------------------------------------- a joint meeting up to issued minutes
        admin = loginAs("city-admin");
        admin.open(BASE + "/console/meetings");
        admin.waitFor("document.querySelector('#new-meeting') !== null", 20_000);
        settled(admin);
        // a meeting invites the joint meeting's members: the audit bureau joins (unless another test made it a member)
        String members = ok(200, Http.get(API + "/v1/meetings/members?jurisdiction=370500", "city-admin")).body();
        if (!Json.has(members, "departmentCode", "SJJ")) {
            admin.clickXpath("//div[contains(@class,'el-tabs__item') and contains(., '成员单位')]");
            admin.waitFor("document.querySelector('#new-member') !== null && document.querySelector('#new-member').offsetParent !== null", 10_000);
            admin.click("#new-member");
            admin.waitFor("document.querySelector('.member-contact-name input') !== null", 10_000);
            choose(admin, "member-department", "（SJJ）");
            admin.type(".member-contact-name input", "李科长");
            admin.click("#member-submit");
            // a meeting contact needs a phone: the API says so next to the row
            admin.waitFor("[...document.querySelectorAll('.field-error')].some(e => e.innerText.includes('电话'))", 10_000);
            admin.severeLogs();
            admin.type(".member-contact-phone input", "0546-8321234");
            admin.click("#member-submit");
            admin.waitFor("document.querySelector('#members-table').innerText.includes('SJJ')", 10_000);
            admin.clickXpath("//div[contains(@class,'el-tabs__item') and contains(., '会议')]");
        }
        assertTrue(Json.has(ok(200, Http.get(API + "/v1/meetings/members?jurisdiction=370500", "city-admin")).body(), "departmentCode", "SJJ"));
        String title = "控制台测试联席会议" + suffix;
        admin.click("#new-meeting");
        admin.waitFor("document.querySelector('#meeting-title') !== null", 10_000);
        admin.type("#meeting-title", title);
        // today (Beijing time) at midnight: scheduled for today, and its time has come, so attendance can be recorded
        admin.type("#meeting-starts", LocalDate.now(ZoneId.of("Asia/Shanghai")) + " 00:00\uE007");
        admin.type("#meeting-location", "市委编办三楼会议室");
        admin.type("#meeting-host", "市委编办主任");
        admin.type(".agenda-title input", "通报一季度监管情况");
        admin.click("#meeting-submit");
        admin.waitFor("/\\/console\\/meetings\\/\\d+$/.test(location.pathname) && document.querySelector('#meeting-state') !== null", 20_000);
        long meeting = Long.parseLong(admin.script("return location.pathname.replace(/.*\\//, '')"));
        admin.waitFor("document.querySelector('#meeting-state').innerText.includes('已安排')", 10_000);
        admin.click("#attendance-open");
        admin.waitFor("document.querySelector('.attendee-name input') !== null", 10_000);
        admin.type(".attendee-name input", "张主任");
        admin.click("#attendance-submit");
        admin.waitFor("document.querySelector('#meeting-state').innerText.includes('已召开') && document.querySelector('#minutes-text') !== null", 20_000);
        admin.type("#minutes-text", "会议通报了一季度机构编制监督情况，研究了移送线索的办理。");
        admin.click("#minutes-save");
        admin.waitFor("document.body.innerText.includes('已保存')", 10_000);
        admin.click("#decision-open");
        admin.waitFor("document.querySelector('#decision-text') !== null", 10_000);
        admin.type("#decision-text", "各成员单位于月底前报送线索办理情况");
        admin.click("#decision-submit");
        admin.waitFor("[...document.querySelectorAll('.decision')].some(d => d.innerText.includes('各成员单位于月底前报送线索办理情况'))", 20_000);
        admin.waitFor("document.querySelector('#issue-open') !== null", 10_000);
        screenshot(admin, "94-meeting-held");
        admin.click("#issue-open");
        admin.waitFor("document.querySelector('#issue-submit') !== null && document.querySelector('#issue-submit').offsetParent !== null", 10_000);
        admin.click("#issue-submit");
        admin.waitFor("document.querySelector('#meeting-state').innerText.includes('纪要已印发')"
                + " && document.querySelector('#minutes-documents').innerText.includes('PDF')", 30_000);
        String held = ok(200, Http.get(API + "/v1/meetings/" + meeting, "city-admin")).body();
        assertTrue(held, Json.has(held, "state", "MINUTES_ISSUED") && Json.anyText(held, "张主任") && Json.anyText(held, "一季度机构编制监督情况")
                && Json.anyText(held, "各成员单位于月底前报送线索办理情况"));
        String documents = ok(200, Http.get(API + "/v1/documents?jurisdiction=370500&kind=MEETING_MINUTES&subject=meeting:" + meeting, "city-admin")).body();
        assertTrue(documents, Json.has(documents, "kind", "MEETING_MINUTES") && Json.has(documents, "subject", "meeting:" + meeting));
        String history = ok(200, Http.get(API + "/v1/meetings/" + meeting + "/history", "city-admin")).body();
        assertTrue(history, Json.has(history, "to", "HELD") && Json.has(history, "to", "MINUTES_ISSUED"));
        screenshot(admin, "95-meeting-minutes-issued");
        noConsoleErrors(admin);

        // ---------------------------------------------------------------- the assessment mapping and its export
        String reason = "依据年度综合考核实施方案 " + suffix;
        admin.open(BASE + "/console/assessment?year=2025");
        admin.waitFor("document.querySelector('#mapping-create') !== null || document.querySelector('#mapping-edit') !== null", 20_000);
        admin.click(admin.script("return document.querySelector('#mapping-create') ? '#mapping-create' : '#mapping-edit'"));
        admin.waitFor("document.querySelector('#mapping-scale') !== null && document.querySelector('#mapping-scale').offsetParent !== null", 10_000);
        admin.clear("#mapping-scale");
        admin.type("#mapping-scale", Integer.toString(10 + (int) (System.currentTimeMillis() % 80)));
        admin.click("#mapping-submit");
        // a revision says why: the reason is asked for next to its field
        admin.waitFor("[...document.querySelectorAll('.el-form-item')].some(f => f.querySelector('#mapping-note') && f.querySelector('.el-form-item__error'))", 10_000);
        admin.type("#mapping-note", reason);
        admin.click("#mapping-submit");
        admin.waitFor("document.querySelector('#mapping-revisions').innerText.includes('" + reason + "')", 20_000);
        assertTrue(Json.anyText(ok(200, Http.get(API + "/v1/assessment/370500/2025/mapping", "city-admin")).body(), reason));
        admin.click("#assessment-export");
        // the export's own progress: "已完成" alone can be any other text of the page
        admin.waitFor("document.querySelector('.transfer-done') !== null", 30_000);
        admin.clickXpath("//div[contains(@class,'el-tabs__item') and contains(., '导出记录')]");
        admin.waitFor("document.querySelector('#assessment-exports') && document.querySelector('#assessment-exports').innerText.includes('Excel')", 20_000);
        String exports = ok(200, Http.get(API + "/v1/assessment/exports?jurisdiction=370500&year=2025", "city-admin")).body();
        assertTrue(exports, Json.has(exports, "format", "XLSX") && Json.has(exports, "by", "city-admin"));
        screenshot(admin, "96-assessment-export");
        noConsoleErrors(admin);
        admin.close();

        // ---------------------------------------------------------------- the county sees none of it
        Driver.Session lijin = loginAs("lijin-admin");
        lijin.open(BASE + "/console/cooperation");
        lijin.waitFor("document.querySelector('#referrals-table') !== null", 20_000);
        settled(lijin);
        assertFalse(lijin.text("#referrals-table").contains(description));
        screenshot(lijin, "97-county-referrals");
        lijin.open(BASE + "/console/meetings");
        lijin.waitFor("document.querySelector('#meetings-table') !== null", 20_000);
        settled(lijin);
        assertFalse(lijin.text("#meetings-table").contains(title));
        screenshot(lijin, "98-county-meetings");
        lijin.open(BASE + "/console/assessment?year=2025");
        lijin.waitFor("document.querySelector('#assessment-mapping') !== null && !document.querySelector('#assessment-mapping .el-loading-mask:not([style*=\"display: none\"])')", 20_000);
        assertFalse(lijin.text("#assessment-mapping").contains(reason));
        screenshot(lijin, "99-county-assessment");
        ok(403, Http.get(COOP + "/referrals?jurisdiction=370500", "lijin-admin"));
        Http.Reply foreign = Http.get(API + "/v1/meetings/" + meeting, "lijin-admin");
        assertTrue(foreign.toString(), (foreign.status() == 403 || foreign.status() == 404) && !Json.anyText(foreign.body(), title));
        noConsoleErrors(lijin);
        lijin.close();
    }
}
