package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.audit.ChainVerification;
import cn.supervision.api.security.Caller;

/**
 * A {@link AuditLog} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeAuditLog implements AuditLog {
    @Override
    public void record(AuditEvent event) {
        throw unused("record");
    }

    @Override
    public boolean accepting() {
        throw unused("accepting");
    }

    @Override
    public AuditPage list(Caller caller, AuditQuery query) {
        throw unused("list");
    }

    @Override
    public List<AuditEntry> export(Caller caller, AuditQuery query) {
        throw unused("export");
    }

    @Override
    public ChainVerification verify(Caller caller) {
        throw unused("verify");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("AuditLog." + method + " is not used by this test");
    }
}
