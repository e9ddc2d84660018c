package cn.supervision.testing.fakes;

import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.security.Caller;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskEvent;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TrackedTask;

/**
 * A {@link TaskService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeTaskService implements TaskService {
    @Override
    public List<TrackedTask> create(Caller caller, String jurisdictionCode, TaskOrigin origin, long originId, List<TaskDraft> drafts) {
        throw unused("create");
    }

    @Override
    public List<TrackedTask> list(Caller caller, String jurisdictionCode, TaskQuery query, int offset, int limit) {
        throw unused("list");
    }

    @Override
    public TrackedTask get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public List<TaskEvent> history(Caller caller, long id) {
        throw unused("history");
    }

    @Override
    public TrackedTask reportProgress(Caller caller, long id, String text, Integer percent) {
        throw unused("reportProgress");
    }

    @Override
    public TrackedTask close(Caller caller, long id, String note) {
        throw unused("close");
    }

    @Override
    public TrackedTask cancel(Caller caller, long id, String reason) {
        throw unused("cancel");
    }

    @Override
    public TrackedTask reopen(Caller caller, long id, String reason) {
        throw unused("reopen");
    }

    @Override
    public TrackedTask redate(Caller caller, long id, LocalDate deadline, String reason) {
        throw unused("redate");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("TaskService." + method + " is not used by this test");
    }
}
