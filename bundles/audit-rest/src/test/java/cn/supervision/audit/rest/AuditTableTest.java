package cn.supervision.audit.rest;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.problem.SupervisionException;

class AuditTableTest {

    @Test
    void csvHasChineseHeadersBeijingTimeAndNoFormulaCells() {
        AuditEvent e = new AuditEvent(Instant.parse("2026-11-30T16:30:00Z"), "=HYPERLINK(\"http://x\")", null, "370500", "10.0.0.1",
                "REST", AuditAction.LOGIN_FAILED, null, null, null, 401);
        String csv = new String(AuditTable.csv(AuditTable.rows(List.of(new AuditEntry(7, e, "370500", "a".repeat(64), "b".repeat(64))))),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFF序号,时间,用户,角色,行政区划"), lines[0]);
        assertTrue(lines[1].startsWith("7,2026-12-01 00:30:00.000,\"'=HYPERLINK(\"\"http://x\"\")\",,370500,10.0.0.1,REST,登录失败"), lines[1]);
        assertTrue(lines[1].contains(",401,被拒绝,"), lines[1]);
    }

    @Test
    void queryParametersAreCheckedBeforeAnythingIsRead() {
        AuditQuery q = AuditResource.query(" 370522 ", "", "2026-11-01", "2026-11-30T00:00:00Z", "login_failed", "REFUSED", 10, 20);
        assertEquals("370522", q.jurisdictionCode());
        assertEquals(null, q.username());
        assertEquals(Instant.parse("2026-10-31T16:00:00Z"), q.from(), "a date is the start of that day in Beijing");
        assertEquals(AuditAction.LOGIN_FAILED, q.action());
        assertEquals(10, q.offset());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class,
                () -> AuditResource.query(null, null, "yesterday", null, null, null, 0, 50)).kind());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class,
                () -> AuditResource.query(null, null, null, null, "DELETE_EVERYTHING", null, 0, 50)).kind());
    }
}
