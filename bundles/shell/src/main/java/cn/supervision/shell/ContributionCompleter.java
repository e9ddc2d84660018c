package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.security.Caller;

/** Ids of the contribution bundles the caller may read, each with its bundle name and version. */
@Service
public class ContributionCompleter extends IdCompleter {
    @Reference
    ContributionService contributions;

    @Override
    protected List<Choice> choices(Caller caller, String prefix, int limit) {
        return choose(contributions.list(caller), Contribution::id, c -> c.symbolicName() + " " + c.version(), prefix, limit);
    }
}
