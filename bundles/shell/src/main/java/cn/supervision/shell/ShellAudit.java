package cn.supervision.shell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.problem.SupervisionException;

/**
 * Records the shell's writing commands in the audit trail, whatever command class runs them: Karaf calls every
 * {@link CommandSessionListener} service after each command line. The platform's writing commands keep the arguments
 * that identify what they wrote ({@link #PLATFORM_WRITES}); Karaf's own administration commands that change the
 * running platform are recorded by name only, since their arguments may carry passwords (jaas:user-add).
 */
public class ShellAudit implements CommandSessionListener {
    /** Writing commands of scope supervision, with the names of the positional arguments worth keeping. */
    static final Map<String, List<String>> PLATFORM_WRITES = Map.of(
            "campaign-publish", List.of("id"),
            "platform-ingest", List.of("jurisdiction", "source", "clientBatchId"),
            "feed-runs", List.of("feed"),
            "power-list-import", List.of("unitId", "file"),
            "duty-analyse", List.of("jurisdiction"));
    /** Karaf commands that change what runs or how it is configured. */
    static final Set<String> ADMIN_WRITES = Set.of("bundle:install", "bundle:uninstall", "bundle:update", "bundle:start", "bundle:stop",
            "bundle:refresh", "bundle:restart", "feature:install", "feature:uninstall", "feature:repo-add", "feature:repo-remove",
            "config:edit", "config:update", "config:delete", "config:property-set", "config:property-delete", "config:property-append",
            "kar:install", "kar:uninstall", "jaas:update", "jaas:user-add", "jaas:user-delete", "jaas:role-add", "jaas:role-delete",
            "system:shutdown", "shutdown");
    /** Session variable in which a command leaves the status of a refusal it reported (see {@link SupervisionAction}). */
    static final String REFUSAL_STATUS = "supervision.refusal.status";
    private static final System.Logger LOG = System.getLogger(ShellAudit.class.getName());

    private final AuditLog audit;

    public ShellAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        // the outcome is known only afterwards
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        refusal(session);
        record(session, command, exception instanceof SupervisionException s ? cn.supervision.rest.bounds.ProblemStatus.of(s.kind()) : 500);
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        Integer refused = refusal(session);
        record(session, command, refused == null ? 200 : refused);
    }

    /** The status of a refusal a command of this line reported and then ended quietly on; taken, so it counts once. */
    private static Integer refusal(CommandSession session) {
        Object status = session == null ? null : session.get(REFUSAL_STATUS);
        if (status != null) {
            session.put(REFUSAL_STATUS, null);
        }
        return status instanceof Integer s ? s : null;
    }

    private void record(CommandSession session, CharSequence command, int status) {
        Object user = session == null ? null : session.get("USER");
        for (AuditEvent e : events(Instant.now(), "shell:" + (user == null ? "console" : user), command, status)) {
            try {
                audit.record(e);
            } catch (RuntimeException x) {
                LOG.log(System.Logger.Level.ERROR, "审计日志写入失败，记录改写入日志：" + e, x);
            }
        }
    }

    /** The writing commands of one command line (commands separated by ; | or line breaks), as audit events. */
    static List<AuditEvent> events(Instant at, String user, CharSequence line, int status) {
        List<AuditEvent> events = new ArrayList<>();
        if (line == null) {
            return events;
        }
        for (String part : line.toString().split("[;|\\n]")) {
            List<String> words = words(part);
            if (words.isEmpty()) {
                continue;
            }
            String name = words.get(0);
            String bare = name.startsWith("supervision:") ? name.substring("supervision:".length()) : name;
            List<String> arguments = words.subList(1, words.size()).stream().filter(w -> !w.startsWith("-")).toList();
            if (PLATFORM_WRITES.containsKey(bare) && (name.equals(bare) || name.startsWith("supervision:"))) {
                if ("feed-runs".equals(bare) && !words.contains("--now")) {
                    continue;
                }
                events.add(event(at, user, "supervision:" + bare, ids(PLATFORM_WRITES.get(bare), arguments), status));
            } else if (ADMIN_WRITES.contains(name)) {
                events.add(event(at, user, name, null, status));
            }
        }
        return events;
    }

    private static AuditEvent event(Instant at, String user, String command, String ids, int status) {
        return new AuditEvent(at, user, "SYSTEM", null, "shell", "SHELL", AuditAction.WRITE, command, command, ids, status);
    }

    private static String ids(List<String> names, List<String> arguments) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size() && i < arguments.size(); i++) {
            if (b.length() > 0) {
                b.append("; ");
            }
            String v = arguments.get(i);
            b.append(names.get(i)).append('=').append(v.length() > 64 ? v.substring(0, 64) : v);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Whitespace-separated words, quotes removed (enough to find a command and its leading arguments). */
    static List<String> words(String part) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (char c : part.trim().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    words.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }
}
