package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.security.Caller;

/** Names of the scheduled platform-data feeds the caller may see, each with its jurisdiction and source system. */
@Service
public class FeedCompleter extends IdCompleter {
    @Reference
    PlatformDataService data;

    @Override
    protected List<Choice> choices(Caller caller, String prefix, int limit) {
        return choose(data.feeds(caller), FeedDefinition::name, d -> d.jurisdictionCode() + " " + d.sourceSystem(), prefix, limit);
    }
}
