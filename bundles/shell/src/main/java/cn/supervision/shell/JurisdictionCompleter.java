package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;

/** Jurisdiction codes the caller may read (the registry applies the access policy), each with its name. */
@Service
public class JurisdictionCompleter extends IdCompleter {
    @Reference
    RegistryService registry;

    @Override
    protected List<Choice> choices(Caller caller, String prefix, int limit) {
        return choose(registry.listJurisdictions(caller), Jurisdiction::code, Jurisdiction::name, prefix, limit);
    }
}
