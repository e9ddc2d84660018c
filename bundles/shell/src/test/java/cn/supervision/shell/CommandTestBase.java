package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;

/**
 * Runs commands as Karaf would (execute() on a session of user karaf) and keeps apart what they print on System.out
 * (tables, results) and what goes to the operator's console (refusals).
 */
abstract class CommandTestBase {
    final ConsoleSession session = new ConsoleSession("karaf");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureOutput() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void releaseOutput() {
        System.setOut(original);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs the command in the session and answers what it printed. */
    String run(SupervisionAction command) throws Exception {
        command.session = session;
        out.reset();
        assertNull(command.execute(), "commands print, they answer nothing");
        return printed();
    }

    /**
     * Runs a command that the service refuses with {@code refusal}: it ends quietly, prints the refusal's headline and
     * each field error on the console (nothing on System.out) and leaves the status REST would answer for the audit.
     */
    void assertRefused(SupervisionAction command, SupervisionException refusal, String headline, int status) throws Exception {
        String output = run(command);
        assertEquals("", output, "a refusal prints no table");
        String console = session.console();
        assertTrue(console.startsWith(headline + System.lineSeparator()), console);
        for (FieldError f : refusal.errors()) {
            assertTrue(console.contains("  " + f.field() + "  " + f.message()), console);
        }
        assertEquals(status, session.get(ShellAudit.REFUSAL_STATUS));
    }

    /** The line of a printed table or text that contains {@code text}. */
    String line(String text) {
        return printed().lines().filter(l -> l.contains(text)).findFirst().orElseThrow(() -> new AssertionError(text + " not in\n" + printed()));
    }

    /** The trimmed cells of the table row that contains {@code text}. */
    java.util.List<String> row(String text) {
        return java.util.Arrays.stream(line(text).split("[│|]", -1)).map(String::trim).toList();
    }
}
