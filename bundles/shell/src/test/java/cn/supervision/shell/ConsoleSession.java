package cn.supervision.shell;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.console.History;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.api.console.Terminal;

/**
 * A Karaf session as the supervision commands and completers use it: its variables (USER, the refusal status) and
 * the operator's console. The terminal, history and command execution are Karaf's business and are never reached.
 */
final class ConsoleSession implements Session {
    final Map<String, Object> variables = new HashMap<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream consoleStream = new PrintStream(console, true, StandardCharsets.UTF_8);

    ConsoleSession(String user) {
        variables.put("USER", user);
    }

    /** What went to the operator's console (refusals), as opposed to the command's output on System.out. */
    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Object get(String name) {
        return variables.get(name);
    }

    @Override
    public void put(String name, Object value) {
        variables.put(name, value);
    }

    @Override
    public PrintStream getConsole() {
        return consoleStream;
    }

    @Override
    public Object execute(CharSequence commandline) {
        throw unused("execute");
    }

    @Override
    public InputStream getKeyboard() {
        throw unused("getKeyboard");
    }

    @Override
    public String readLine(String prompt, Character mask) {
        throw unused("readLine");
    }

    @Override
    public Terminal getTerminal() {
        throw unused("getTerminal");
    }

    @Override
    public History getHistory() {
        throw unused("getHistory");
    }

    @Override
    public Registry getRegistry() {
        throw unused("getRegistry");
    }

    @Override
    public SessionFactory getFactory() {
        throw unused("getFactory");
    }

    @Override
    public String resolveCommand(String name) {
        throw unused("resolveCommand");
    }

    @Override
    public Path currentDir() {
        throw unused("currentDir");
    }

    @Override
    public void currentDir(Path path) {
        throw unused("currentDir");
    }

    @Override
    public void run() {
        throw unused("run");
    }

    @Override
    public void close() {
        // nothing is held open
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("ConsoleSession." + method + " is not used by supervision commands");
    }
}
