package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.proposal.Proposal;
import cn.supervision.api.proposal.ProposalService;
import cn.supervision.api.proposal.ProposalState;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/**
 * Staffing in use imported from a workbook shows over-staffing beside the approved numbers; a finding grounds an
 * establishment proposal that re-assigns a duty, is submitted, approved by a second office member, applied, and named
 * in the unit's history; other counties, units and anonymous callers are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProposalsIT {
    static final String API = PlatformIT.API;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The demo realm has one office user per jurisdiction; the office head who approves is a second one, in process. */
    static final Caller CITY_HEAD = new Caller("city-head", Set.of(Role.CITY_ADMIN), "370500", null);

    @Inject
    ProposalService proposals;

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

    private static byte[] workbook(List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("实有人员", rows)));
        return out.toByteArray();
    }

    @Test
    public void staffingImportedAndAProposalAppliedToTheRegistry() throws Exception {
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user", r -> r.status() == 200, 60_000).body());
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body();
        long other = Json.ids(units).stream().filter(u -> u != czj).findFirst().orElse(czj);
        String unit = ok(200, Http.get(API + "/v1/units/" + czj, "city-admin")).body();
        JsonNode mandate = Json.parse(unit).path("mandate");
        int approved = (int) Json.wholeNumber(mandate.path("staffing"), "administrativeSlots");
        String code = Json.string(Json.parse(unit), "code");
        String staffing = API + "/v1/jurisdictions/370500/staffing";
        String yesterday = LocalDate.now().minusDays(1).toString();
        List<Object> header = List.of("单位编码", "行政实有", "事业实有", "编外人员", "领导职数实配", "统计日期");

        // authority before the body is read, then every bad cell named by row and column, nothing written
        byte[] good = workbook(List.of(header, List.of(code, approved + 3, 0, 2, 1, yesterday)));
        ok(403, Http.call("POST", staffing + "/import", "lijin-admin", XLSX, good));
        ok(403, Http.call("POST", staffing + "/import", "czj-user", XLSX, good));
        ok(401, Http.call("POST", staffing + "/import", null, XLSX, good));
        Http.Reply bad = ok(400, Http.call("POST", staffing + "/import", "city-admin", XLSX,
                workbook(List.of(header, List.of(code, "四十", 0, -1, 1, "2099-01-01")))));
        assertTrue(bad.body(), Json.anyText(bad.body(), "第 2 行 行政实有"));
        ok(400, Http.call("POST", staffing + "/import", "city-admin", XLSX, "not a workbook".getBytes()));
        ok(413, Http.call("POST", staffing + "/import", "city-admin", XLSX, new byte[11 * 1024 * 1024]));
        ok(400, Http.json("POST", staffing, "city-admin", "[{\"unitId\":"));
        String negative = ok(400, Http.json("POST", staffing, "city-admin", "[{\"unitId\":" + czj + ",\"asOf\":\"" + yesterday
                + "\",\"administrativeStaff\":-2,\"institutionalStaff\":0,\"extraStaff\":0,\"leadershipPostsFilled\":0}]")).body();
        assertTrue(negative, Json.anyText(negative, "rows[0].administrativeStaff"));
        assertEquals("[]", ok(200, Http.get(staffing, "city-admin")).body());

        ok(200, Http.call("POST", staffing + "/import", "city-admin", XLSX, good));
        String current = ok(200, Http.get(staffing, "city-leader")).body();
        assertTrue(current, Json.has(current, "unitId", czj) && Json.has(current, "overStaffed", true));
        assertEquals(current, 3, Json.wholeNumber(Json.element(Json.parse(current), "unitId", czj), "administrativeDifference"));
        assertTrue(Json.has(ok(200, Http.get(API + "/v1/units/" + czj + "/staffing", "czj-user")).body(), "asOf", yesterday));
        ok(403, Http.get(staffing, "lijin-admin"));
        ok(200, Http.get(staffing + "/export", "city-admin"));

        // a finding by hand grounds the proposal
        long finding = Json.id(ok(201, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\","
                + "\"unitId\":" + czj + ",\"source\":{\"kind\":\"MANUAL\",\"reference\":\"专项检查\"},\"category\":\"DUTY_OVERLAP_GAP\","
                + "\"severity\":\"SERIOUS\",\"description\":\"职责交叉\"}")).body());
        JsonNode duty = mandate.path("duties").path(0); // the unit's first main duty moves to the other unit
        String body = "{\"title\":\"关于调整职责的处理意见\",\"rationale\":\"依据第十九条\",\"findingIds\":[" + finding + "],"
                + "\"changes\":[{\"kind\":\"MOVE_DUTY\",\"unitId\":" + czj + ",\"otherUnitId\":" + other + ",\"dutyNumber\":" + Json.wholeNumber(duty, "number") + "}]}";
        ok(403, Http.json("POST", API + "/v1/proposals?jurisdiction=370500", "lijin-admin", body));
        ok(403, Http.json("POST", API + "/v1/proposals?jurisdiction=370500", "czj-user", body));
        ok(401, Http.json("POST", API + "/v1/proposals?jurisdiction=370500", null, body));
        ok(400, Http.json("POST", API + "/v1/proposals?jurisdiction=370500", "city-admin", "{\"title\":"));
        long id = Json.id(ok(201, Http.json("POST", API + "/v1/proposals?jurisdiction=370500", "city-admin", body)).body());
        ok(403, Http.get(API + "/v1/proposals/" + id, "lijin-admin"));
        ok(403, Http.get(API + "/v1/proposals/" + id, "czj-user"));
        Http.Reply early = ok(409, Http.json("POST", API + "/v1/proposals/" + id + "/apply", "city-admin", "{}"));
        assertTrue(early.body(), Json.anyText(early.body(), "草稿"));

        ok(200, Http.json("POST", API + "/v1/proposals/" + id + "/submit", "city-admin", "{}"));
        ok(403, Http.json("POST", API + "/v1/proposals/" + id + "/approve", "city-admin", "{}"));
        Proposal approvedProposal = proposals.approve(CITY_HEAD, id);
        assertEquals(ProposalState.APPROVED, approvedProposal.state());
        ok(403, Http.json("POST", API + "/v1/proposals/" + id + "/apply", "lijin-admin", "{}"));
        ok(200, Http.json("POST", API + "/v1/proposals/" + id + "/apply", "city-admin", "{}"));
        assertTrue(Json.anyText(ok(409, Http.json("POST", API + "/v1/proposals/" + id + "/apply", "city-admin", "{}")).body(), "已执行"));

        String moved = ok(200, Http.get(API + "/v1/units/" + other, "city-admin")).body();
        assertTrue(moved, Json.anyText(moved, Json.string(duty, "text")));
        String history = ok(200, Http.get(API + "/v1/units/" + other + "/history", "city-admin")).body();
        assertTrue(history, Json.has(history, "reason", approvedProposal.registryReason()));
        assertTrue(Json.anyText(ok(200, Http.get(API + "/v1/units/" + czj + "/history", "city-admin")).body(), "(#" + id + ")"));
        String steps = ok(200, Http.get(API + "/v1/proposals/" + id + "/history", "city-leader")).body();
        assertEquals(steps, 4, Json.count(steps, "to"));
        assertTrue(Json.has(ok(200, Http.get(API + "/v1/proposals?jurisdiction=370500&state=APPLIED", "city-admin")).body(), "id", id));
        ok(400, Http.get(API + "/v1/proposals?state=NONSENSE", "city-admin"));
    }
}
