package cn.supervision.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;

/**
 * Names of the daily rule passes, as the latest runs name them: the scheduler does not list its passes, and every pass
 * runs daily, so the recent history names each one that is registered.
 */
@Service
public class PassCompleter extends IdCompleter {
    static final int RUNS_READ = 200;
    @Reference
    Scheduler scheduler;

    @Override
    protected List<Choice> choices(Caller caller, String prefix, int limit) {
        Set<String> names = new LinkedHashSet<>();
        for (PassResult r : scheduler.history(caller, RUNS_READ)) {
            names.add(r.pass());
        }
        return choose(new ArrayList<>(names), n -> n, n -> null, prefix, limit);
    }
}
