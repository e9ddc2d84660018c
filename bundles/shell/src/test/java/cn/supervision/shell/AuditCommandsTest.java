package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.audit.ChainVerification;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeAuditLog;

class AuditCommandsTest extends CommandTestBase {
    private final List<AuditQuery> queries = new ArrayList<>();

    private FakeAuditLog log(ChainVerification verification) {
        return new FakeAuditLog() {
            @Override
            public AuditPage list(Caller caller, AuditQuery query) {
                queries.add(query);
                AuditEvent e = new AuditEvent(Instant.parse("2026-11-30T08:00:00Z"), "shell:karaf", "SYSTEM", "370500", "127.0.0.1", "SHELL",
                        AuditAction.WRITE, "SHELL", "supervision:campaign-publish", "id=12", 409);
                return new AuditPage(List.of(new AuditEntry(57, e, "370500", "p", "h")), 341);
            }

            @Override
            public ChainVerification verify(Caller caller) {
                if (verification == null) {
                    throw SupervisionException.forbidden("只有平台管理员可以校验审计日志");
                }
                return verification;
            }
        };
    }

    @Test
    void entriesAreListedInBeijingTimeWithTheTotal() throws Exception {
        AuditListCommand c = new AuditListCommand();
        c.jurisdiction = "370500";
        c.action = "write";
        c.outcome = "REFUSED";
        c.audit = log(null);
        run(c);
        assertEquals(List.of(new AuditQuery("370500", null, null, null, AuditAction.WRITE, "REFUSED", 0, 20)), queries);
        assertEquals(List.of("57", "2026-11-30 16:00:00", "shell:karaf", "370500", "127.0.0.1", "WRITE", "SHELL", "supervision:campaign-publish",
                "id=12", "409"), row("campaign-publish"));
        assertTrue(printed().endsWith("共 341 条" + System.lineSeparator()), printed());
    }

    @Test
    void anUnknownActionIsExplainedWithoutReadingTheTrail() throws Exception {
        AuditListCommand c = new AuditListCommand();
        c.action = "READ";
        c.audit = log(null);
        assertEquals("action 应为 WRITE、LOGIN_SUCCEEDED 或 LOGIN_FAILED" + System.lineSeparator(), run(c));
        assertEquals(List.of(), queries);
    }

    @Test
    void verificationReportsAnIntactChainOrTheFirstBrokenLink() throws Exception {
        AuditVerifyCommand c = new AuditVerifyCommand();
        c.audit = log(new ChainVerification(341, 341, null, null));
        assertEquals("审计日志链完整：共 341 条，最后一条为第 341 条" + System.lineSeparator(), run(c));
        c.audit = log(new ChainVerification(56, 341, 57L, "哈希不符"));
        assertEquals("审计日志链在第 57 条断开：哈希不符（此前 56 条完整）" + System.lineSeparator(), run(c));
        c.audit = log(null);
        assertRefused(c, SupervisionException.forbidden("x"), "无权访问：只有平台管理员可以校验审计日志", 403);
    }
}
