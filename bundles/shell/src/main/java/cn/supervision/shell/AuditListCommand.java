package cn.supervision.shell;

import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;

@Command(scope = "supervision", name = "audit-list", description = "Lists audit trail entries, newest first")
@Service
public class AuditListCommand extends SupervisionAction {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "jurisdiction", description = "jurisdiction code (with those below it; default: all)")
    String jurisdiction;
    @Option(name = "-u", aliases = "--user", description = "only this user")
    String user;
    @Completion(value = StringsCompleter.class, values = {"WRITE", "LOGIN_SUCCEEDED", "LOGIN_FAILED"})
    @Option(name = "-a", aliases = "--action", description = "WRITE, LOGIN_SUCCEEDED or LOGIN_FAILED")
    String action;
    @Completion(value = StringsCompleter.class, values = {"SUCCEEDED", "REFUSED", "FAILED"})
    @Option(name = "-o", aliases = "--outcome", description = "SUCCEEDED, REFUSED, FAILED or a status code")
    String outcome;
    @Option(name = "-n", description = "how many (default 20, at most 500)")
    int limit = 20;
    @Reference
    AuditLog audit;

    @Override
    protected Object run() {
        AuditAction a;
        try {
            a = action == null ? null : AuditAction.valueOf(action.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.out.println("action 应为 WRITE、LOGIN_SUCCEEDED 或 LOGIN_FAILED");
            return null;
        }
        AuditPage page = audit.list(caller(), new AuditQuery(jurisdiction, user, null, null, a, outcome, 0, limit));
        ShellTable table = table("Seq>", "Time", "User", "Jurisdiction", "Source", "Action", "Method", "Resource", "Ids", "Status>");
        for (AuditEntry e : page.entries()) {
            var v = e.event();
            table.addRow().addContent(e.sequence(), TIME.format(v.at()), v.username(), e.jurisdictionCode(), v.source(),
                    v.action(), v.method(), v.resource(), v.recordIds(), v.status());
        }
        table.print(System.out);
        System.out.println("共 " + page.total() + " 条");
        return null;
    }
}
