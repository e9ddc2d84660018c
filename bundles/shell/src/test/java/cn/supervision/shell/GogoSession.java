package cn.supervision.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Job;
import org.apache.felix.service.command.JobListener;

/** The gogo session a {@link org.apache.felix.service.command.CommandSessionListener} is handed: only its variables matter to ShellAudit. */
final class GogoSession implements CommandSession {
    final Map<String, Object> variables = new HashMap<>();

    @Override
    public Object get(String name) {
        return variables.get(name);
    }

    @Override
    public Object put(String name, Object value) {
        return variables.put(name, value);
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
    public ClassLoader classLoader() {
        throw unused("classLoader");
    }

    @Override
    public void classLoader(ClassLoader loader) {
        throw unused("classLoader");
    }

    @Override
    public Object execute(CharSequence commandline) {
        throw unused("execute");
    }

    @Override
    public void close() {
        // nothing is held open
    }

    @Override
    public InputStream getKeyboard() {
        throw unused("getKeyboard");
    }

    @Override
    public PrintStream getConsole() {
        throw unused("getConsole");
    }

    @Override
    public CharSequence format(Object target, int level) {
        throw unused("format");
    }

    @Override
    public Object convert(Class<?> type, Object instance) {
        throw unused("convert");
    }

    @Override
    public List<Job> jobs() {
        throw unused("jobs");
    }

    @Override
    public Job foregroundJob() {
        throw unused("foregroundJob");
    }

    @Override
    public void setJobListener(JobListener listener) {
        throw unused("setJobListener");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("GogoSession." + method + " is not used by ShellAudit");
    }
}
