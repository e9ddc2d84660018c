package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/** Tab completion in the running shell: the supervision completers are registered and complete a command's arguments from live data. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShellCompletionIT {
    @Inject
    SessionFactory shell;
    @Inject
    RegistryService registry;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Test
    public void commandArgumentsCompleteToCodesAndIdsWithTheirNames() throws Exception {
        Http.await(PlatformIT.API + "/v1/health", null, r -> r.status() == 200, 120_000);
        // Karaf registers a bundle's commands and completers together, once every service they reference is up
        long until = System.currentTimeMillis() + 120_000;
        while (shell.getRegistry().getCommand("supervision", "unit-list") == null && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        Set<String> registered = new TreeSet<>();
        shell.getRegistry().getServices(Completer.class).forEach(c -> registered.add(c.getClass().getName()));
        for (String name : List.of("Jurisdiction", "Unit", "Campaign", "IndicatorSystem", "Contribution", "Feed", "Pass")) {
            assertTrue(registered.toString(), registered.contains("cn.supervision.shell." + name + "Completer"));
        }
        Unit czj = registry.listUnits(Caller.system("completion-it"), "370500", false).stream()
                .filter(u -> u.code().equals("CZJ")).findFirst().orElseThrow();

        PrintStream print = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Session session = shell.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            List<Candidate> codes = tab(session, "unit-list", "3705");
            assertTrue(codes.toString(), codes.stream().anyMatch(c -> c.value().equals("370500") && "东营市".equals(c.descr())));
            assertTrue(codes.toString(), codes.stream().allMatch(c -> c.value().startsWith("3705")));
            List<Candidate> units = tab(session, "duty-list", String.valueOf(czj.id()));
            assertTrue(units.toString(), units.stream().anyMatch(c -> c.value().equals(String.valueOf(czj.id())) && "东营市财政局".equals(c.descr())));
        } finally {
            session.close();
        }
    }

    /** What Tab offers after {@code supervision:<command> <typed>}, through the command's own completer as the console asks it. */
    private List<Candidate> tab(Session session, String command, String typed) {
        Command c = shell.getRegistry().getCommand("supervision", command);
        String[] arguments = {"supervision:" + command, typed};
        String buffer = String.join(" ", arguments);
        CommandLine line = new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return arguments;
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        };
        List<Candidate> candidates = new ArrayList<>();
        c.getCompleter(true).completeCandidates(session, line, candidates);
        assertEquals(false, candidates.isEmpty());
        return candidates;
    }
}
