package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.security.Caller;

/** Ids of the indicator systems the caller may read, each with its name, year and version. */
@Service
public class IndicatorSystemCompleter extends IdCompleter {
    @Reference
    IndicatorSystemService systems;

    @Override
    protected List<Choice> choices(Caller caller, String prefix, int limit) {
        return choose(systems.list(caller, null, null), IndicatorSystem::id,
                s -> s.definition().name() + "（" + s.definition().year() + "，v" + s.version() + "）", prefix, limit);
    }
}
