package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.proposal.Proposal;
import cn.supervision.api.proposal.ProposalState;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskProgress;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.testing.fakes.FakeProposalService;
import cn.supervision.testing.fakes.FakeTaskService;

class TaskCommandsTest extends CommandTestBase {
    private final List<TaskQuery> queries = new ArrayList<>();

    static TrackedTask task(long id, String title, boolean overdue, List<TaskProgress> progress) {
        return new TrackedTask(id, "370500", TaskOrigin.INSTRUCTION, 9, title, "", OwnerKind.UNIT, "SCJG", "东营市市场监督管理局",
                LocalDate.of(2026, 11, 20), TaskState.OPEN, overdue, "t", Instant.EPOCH, null, null, null, progress);
    }

    private FakeTaskService tasks(int count) {
        return new FakeTaskService() {
            @Override
            public List<TrackedTask> list(Caller caller, String jurisdictionCode, TaskQuery query, int offset, int limit) {
                queries.add(query);
                assertEquals(TaskListCommand.SHOWN, limit);
                if (count == 1) {
                    return List.of(task(5, "落实市领导关于编制核查工作的批示并按期报送整改情况说明及下一步工作安排", true,
                            List.of(new TaskProgress(1, "已核查", 60, "u", Instant.EPOCH))));
                }
                return LongStream.range(0, count).mapToObj(i -> task(i, "任务" + i, false, List.of())).toList();
            }
        };
    }

    @Test
    void openTasksShowOwnerOverdueFlagAndLatestProgress() throws Exception {
        TaskListCommand c = new TaskListCommand();
        c.overdue = true;
        c.tasks = tasks(1);
        run(c);
        assertEquals(new TaskQuery(null, null, TaskState.OPEN, true, null, null), queries.get(0));
        assertEquals(List.of("5", "370500", "INSTRUCTION #9", "落实市领导关于编制核查工作的批示并按期报送整改情况说明及下一…", "东营市市场监督管理局 (SCJG)",
                "2026-11-20", "OPEN", "逾期", "60%"), row("#9"));
        assertFalse(printed().contains("只列出前"));

        c.all = true;
        c.tasks = tasks(TaskListCommand.SHOWN);
        run(c);
        assertEquals(null, queries.get(1).state(), "--all: done and cancelled too");
        assertTrue(printed().endsWith("（只列出前 1000 项）" + System.lineSeparator()), "a full page says it is cut");
    }

    @Test
    void anUnknownProposalStateIsExplainedWithoutAskingTheService() throws Exception {
        ProposalListCommand c = new ProposalListCommand();
        c.state = "done";
        c.proposals = new FakeProposalService();
        assertEquals("未知状态 done（DRAFT、SUBMITTED、RETURNED、APPROVED、APPLIED）" + System.lineSeparator(), run(c));
    }

    @Test
    void proposalsAreListedAndARefusalCarriesItsFieldErrors() throws Exception {
        ProposalListCommand c = new ProposalListCommand();
        c.code = "370500";
        c.state = " submitted ";
        c.proposals = new FakeProposalService() {
            @Override
            public List<Proposal> list(Caller caller, String jurisdictionCode, ProposalState state) {
                assertEquals(ProposalState.SUBMITTED, state);
                return List.of(new Proposal(3, "370500", "关于调整市场监管局内设机构的意见", "", List.of(), List.of(), state, "东编办〔2026〕3号",
                        null, "t", Instant.EPOCH, "t", Instant.parse("2026-11-30T08:00:00Z"), null, null, null, null));
            }
        };
        run(c);
        assertEquals(List.of("3", "370500", "东编办〔2026〕3号", "关于调整市场监管局内设机构的意见", "SUBMITTED", "0", "0", "2026-11-30T08:00:00Z"),
                row("东编办"));

        SupervisionException refusal = SupervisionException.invalid("查询条件无效", List.of(new FieldError("jurisdiction", "不是行政区划代码")));
        c.proposals = new FakeProposalService() {
            @Override
            public List<Proposal> list(Caller caller, String jurisdictionCode, ProposalState state) {
                throw refusal;
            }
        };
        assertRefused(c, refusal, "输入无效：查询条件无效", 400);
    }
}
