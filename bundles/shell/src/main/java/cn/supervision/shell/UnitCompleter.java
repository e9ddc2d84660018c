package cn.supervision.shell;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/**
 * Ids of the active units the caller may read, jurisdiction by jurisdiction, each with the unit's name. A jurisdiction
 * the caller sees but whose units it may not list is skipped, not a reason to offer nothing.
 */
@Service
public class UnitCompleter extends IdCompleter {
    @Reference
    RegistryService registry;

    @Override
    protected List<Choice> choices(Caller caller, String prefix, int limit) {
        List<Choice> found = new ArrayList<>();
        for (Jurisdiction j : registry.listJurisdictions(caller)) {
            try {
                found.addAll(choose(registry.listUnits(caller, j.code(), false), Unit::id, Unit::name, prefix, limit - found.size()));
            } catch (SupervisionException refused) {
                continue;
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }
}
