package cn.supervision.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;

/**
 * Tab completion of the ids and codes a command takes, offered as the command itself would see them: the services are
 * asked with the session's caller, so the one authority policy decides what is offered. Completion runs on every Tab
 * press, so it never reports anything: a refusal or a fault offers nothing, and at most {@link #LIMIT} candidates
 * matching what is typed are offered.
 */
public abstract class IdCompleter implements Completer {
    public static final int LIMIT = 200;
    private static final System.Logger LOG = System.getLogger(IdCompleter.class.getName());

    /** A value to complete to and what it stands for (a name, a title), shown beside it. */
    public record Choice(String value, String description) { }

    /**
     * The values this caller may use whose text starts with {@code prefix}; at most {@code limit} of them. An
     * implementation may stop asking as soon as it has {@code limit}.
     */
    protected abstract List<Choice> choices(Caller caller, String prefix, int limit);

    /** The choices for this caller and prefix, bounded; nothing when refused or failing. */
    public final List<Choice> offered(Caller caller, String prefix) {
        String typed = prefix == null ? "" : prefix;
        try {
            List<Choice> found = new ArrayList<>();
            for (Choice c : choices(caller, typed, LIMIT)) {
                if (c.value().startsWith(typed) && found.size() < LIMIT) {
                    found.add(c);
                }
            }
            return found;
        } catch (SupervisionException e) {
            return List.of();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, getClass().getSimpleName() + " offered nothing", e);
            return List.of();
        }
    }

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = typed(commandLine);
        offered(Operators.caller(session), typed).forEach(c -> candidates.add(c.value()));
        return candidates.isEmpty() ? -1 : 0;
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        for (Choice c : offered(Operators.caller(session), typed(commandLine))) {
            candidates.add(new Candidate(c.value(), c.value(), null, c.description(), null, null, true));
        }
    }

    private static String typed(CommandLine commandLine) {
        String argument = commandLine == null ? null : commandLine.getCursorArgument();
        if (argument == null) {
            return "";
        }
        int position = Math.max(0, Math.min(commandLine.getArgumentPosition(), argument.length()));
        return argument.substring(0, position);
    }

    /** The first {@code limit} of {@code items} whose value starts with {@code prefix}, in the order given. */
    protected static <T> List<Choice> choose(List<T> items, Function<T, Object> value, Function<T, String> description, String prefix,
            int limit) {
        List<Choice> found = new ArrayList<>();
        for (T item : items) {
            String v = String.valueOf(value.apply(item));
            if (v.startsWith(prefix)) {
                found.add(new Choice(v, description.apply(item)));
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }
}
