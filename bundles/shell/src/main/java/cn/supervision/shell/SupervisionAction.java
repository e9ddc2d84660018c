package cn.supervision.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.LostLock;
import cn.supervision.rest.bounds.ProblemStatus;

/**
 * What every supervision command shares: the acting caller, one way of reporting a refusal, and the table layout.
 * A {@link SupervisionException} is a refusal the operator can act on, so it is printed rather than shown as a stack
 * trace, and so is a lost database lock (busy: try again); anything else is a fault and goes to Karaf. A refusal ends the command quietly but leaves its status in the
 * session, so that {@link ShellAudit} records a refused writing command as refused, not as done; a command whose
 * refusals must also reach Karaf says so with {@link #auditsRefusals()}.
 */
public abstract class SupervisionAction implements Action {
    @Reference
    Session session;

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (SupervisionException e) {
            return refused(e);
        } catch (RuntimeException e) {
            return refused(LostLock.asBusy(e, "SHELL").orElseThrow(() -> e)); // a lost database lock is load, not a fault
        }
    }

    private Object refused(SupervisionException e) {
        report(e);
        if (auditsRefusals()) {
            throw e;
        }
        return null;
    }

    /** The command's work; a refusal thrown from here is reported by {@link #execute()}. */
    protected abstract Object run() throws Exception;

    /** True when a refusal must reach Karaf too (as an error of the command line), not only the operator's terminal. */
    protected boolean auditsRefusals() {
        return false;
    }

    /** The first line of a refusal; commands whose messages already name the problem print the detail alone. */
    protected String headline(SupervisionException e) {
        return e.title() + "：" + e.getMessage();
    }

    protected final Caller caller() {
        return Operators.caller(session);
    }

    /** Refusals go to the operator's terminal even when the command's output is piped. */
    private void report(SupervisionException e) {
        if (session != null) {
            session.put(ShellAudit.REFUSAL_STATUS, ProblemStatus.of(e.kind()));
        }
        PrintStream console = session == null || session.getConsole() == null ? System.out : session.getConsole();
        console.println(headline(e));
        for (FieldError f : e.errors()) {
            console.println("  " + f.field() + "  " + f.message());
        }
    }

    /** A table with these headers; a header ending in {@code >} names a right-aligned (numeric) column. */
    protected static ShellTable table(String... headers) {
        ShellTable table = new ShellTable();
        for (String h : headers) {
            if (h.endsWith(">")) {
                table.column(h.substring(0, h.length() - 1)).alignRight();
            } else {
                table.column(h);
            }
        }
        return table;
    }
}
