package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.audit.ChainVerification;

@Command(scope = "supervision", name = "audit-verify",
        description = "Walks the audit trail's hash chain and reports the first broken link (changed, removed or reordered entry)")
@Service
public class AuditVerifyCommand extends SupervisionAction {
    @Reference
    AuditLog audit;

    @Override
    protected Object run() {
        ChainVerification v = audit.verify(caller());
        if (v.intact()) {
            System.out.println("审计日志链完整：共 " + v.checked() + " 条，最后一条为第 " + v.lastSequence() + " 条");
        } else {
            System.out.println("审计日志链在第 " + v.brokenAt() + " 条断开：" + v.reason() + "（此前 " + v.checked() + " 条完整）");
        }
        return null;
    }
}
