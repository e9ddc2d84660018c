package cn.supervision.report.internal;

import static cn.supervision.report.internal.SpecialReportServiceTest.CZJ;
import static cn.supervision.report.internal.SpecialReportServiceTest.DRAFTER;
import static cn.supervision.report.internal.SpecialReportServiceTest.HEAD;
import static cn.supervision.report.internal.SpecialReportServiceTest.LEADER;
import static cn.supervision.report.internal.SpecialReportServiceTest.LJ;
import static cn.supervision.report.internal.SpecialReportServiceTest.NOW;
import static cn.supervision.report.internal.SpecialReportServiceTest.SWJ;
import static cn.supervision.report.internal.SpecialReportServiceTest.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.function.Function;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.security.Role;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.TwoNodes;

/**
 * The same step on two platform nodes at once: the first node's transaction stops before it commits, the second
 * starts meanwhile and must wait for it (the report's, or the year's issue numbers', lock). Without the locks two
 * reports approved at once got the same 期号, and one report could be approved twice.
 */
class ReportRaceTest {
    private LocalJpaTemplate jpa;
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(CZJ, SWJ, LJ));
    private JpaSpecialReportService reports;
    private final Fakes.Tasks tasks = new Fakes.Tasks(registry.access(), clock, List.of("CZJ"), List.of());

    /**
     * The task service the first node writes to, when not the shared one: its tasks are then not seen by the second
     * node, as another node's uncommitted tasks are not.
     */
    private Fakes.Tasks firstNodeTasks;

    private JpaSpecialReportService node(JpaTemplate template) {
        return node(template, tasks);
    }

    private JpaSpecialReportService node(JpaTemplate template, Fakes.Tasks tasks) {
        Fakes.Users users = new Fakes.Users(List.of(SpecialReportServiceTest.user("city-admin", Role.CITY_ADMIN, "370500"),
                SpecialReportServiceTest.user("city-office-head", Role.CITY_ADMIN, "370500"),
                SpecialReportServiceTest.user("city-leader", Role.LEADER, "370500")));
        return new JpaSpecialReportService(template, registry, new Fakes.Findings(registry.access(), List.of()),
                new Fakes.Campaigns(registry.access()), users,
                List.of(tasks), List.of(new Fakes.Documents(registry.access())),
                List.of(new Fakes.Notifications()), clock);
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("report-test", "META-INF/report-test-persistence.xml");
        reports = node(jpa.jdbcInTransaction());
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    /** {@code first} and {@code then} on two nodes at once (see {@link TwoNodes}): the first's result, the second's or its refusal. */
    private List<Object> onTwoNodesAtOnce(Function<JpaSpecialReportService, Object> first, Function<JpaSpecialReportService, Object> then)
            throws Exception {
        return TwoNodes.atOnce(jpa, "SV_LOCK", t -> node(t, firstNodeTasks == null ? tasks : firstNodeTasks), this::node, first, then);
    }

    private long submitted() {
        SpecialReportDraft linked = SpecialReportServiceTest.draft();
        SpecialReport r = reports.create(DRAFTER, "370500", new SpecialReportDraft(linked.title(), linked.sections(), List.of(), List.of(),
                List.of()));
        return reports.submit(DRAFTER, r.id()).id();
    }

    @Test
    void twoReportsApprovedAtOnceGetConsecutiveIssueNumbers() throws Exception {
        long one = submitted();
        long two = submitted();
        List<Object> done = onTwoNodesAtOnce(node -> node.approve(HEAD, one), node -> node.approve(HEAD, two));
        assertEquals(List.of("2026年第1期", "2026年第2期"), done.stream().map(r -> ((SpecialReport) r).issue()).toList());
    }

    @Test
    void aReportApprovedTwiceAtOnceIsApprovedOnce() throws Exception {
        long id = submitted();
        List<Object> done = onTwoNodesAtOnce(node -> node.approve(HEAD, id), node -> node.approve(HEAD, id));
        assertEquals(ReportState.APPROVED, ((SpecialReport) done.get(0)).state());
        assertEquals(ProblemKind.CONFLICT, assertInstanceOf(SupervisionException.class, done.get(1)).kind());
        assertEquals(1, reports.history(HEAD, id).stream().filter(e -> "APPROVED".equals(e.action())).count(), "approved once");
    }

    @Test
    void aReportIsNotClosedOverATaskAssignedMeanwhile() throws Exception {
        long id = submitted();
        reports.approve(HEAD, id);
        reports.send(DRAFTER, id, List.of("city-leader"));
        Instruction i = reports.instruct(LEADER, id, SpecialReportServiceTest.instruction("请市财政局牵头研究落实",
                Fakes.task("完善制度", OwnerKind.UNIT, "CZJ", TODAY.plusDays(30))));
        tasks.tasks.keySet().forEach(t -> tasks.close(DRAFTER, t, "已完成"));
        // the close reads the tasks before the assignment commits (all done then), and closes after it
        firstNodeTasks = new Fakes.Tasks(registry.access(), clock, List.of("CZJ"), List.of());
        List<Object> done = onTwoNodesAtOnce(
                node -> node.assignTasks(DRAFTER, i.id(), List.of(Fakes.task("补充", OwnerKind.UNIT, "CZJ", TODAY.plusDays(9)))),
                node -> node.close(DRAFTER, id, "批示事项全部落实"));
        assertEquals(1, ((Instruction) done.get(0)).tasks().open(), "assigned on the first node");
        SupervisionException close = assertInstanceOf(SupervisionException.class, done.get(1));
        assertEquals(ProblemKind.CONFLICT, close.kind());
        assertEquals(ReportState.INSTRUCTED, reports.get(DRAFTER, id).state(), "still open: a task is open");
    }
}
