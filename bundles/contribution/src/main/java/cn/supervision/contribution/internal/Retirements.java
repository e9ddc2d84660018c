package cn.supervision.contribution.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.document.TemplateRegistry;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.security.Caller;

/**
 * A bundle is gone. When no other bundle of the same name remains, its records become UNINSTALLED and exactly its own
 * lineages ({@code bundle:<name>/…}) and document templates are retired; units are supervision records and stay.
 * An uploaded jar uninstalled here (through the API or the shell) is no longer to be installed on any node; one this
 * node uninstalls to follow another node's uninstall retires nothing and records nothing (that node did).
 */
final class Retirements {
    private static final Logger LOG = LoggerFactory.getLogger(Retirements.class);

    private final BundleContext context;
    private final ContributionLedger ledger;
    private final IndicatorSystemService systems;
    private final Supplier<TemplateRegistry> templates;
    /** Who asked for an uninstall through the API, by symbolic name (else it was the operator). */
    private final Map<String, Caller> requested = new ConcurrentHashMap<>();
    /** Symbolic names this node is uninstalling because another node did. */
    private final java.util.Set<String> following = ConcurrentHashMap.newKeySet();
    private final StoredJars jars;
    private final LocalJars local;

    Retirements(BundleContext context, ContributionLedger ledger, IndicatorSystemService systems, Supplier<TemplateRegistry> templates,
                StoredJars jars, LocalJars local) {
        this.context = context;
        this.ledger = ledger;
        this.systems = systems;
        this.templates = templates;
        this.jars = jars;
        this.local = local;
    }

    /** The next uninstall of the name follows another node's: nothing to retire or record. */
    void following(String symbolicName) {
        following.add(symbolicName);
    }

    void requestedBy(String symbolicName, Caller caller) {
        requested.put(symbolicName, caller);
    }

    /** The uninstall the caller asked for did not happen. */
    void withdrawn(String symbolicName) {
        requested.remove(symbolicName);
    }

    void uninstalled(String bsn, String version, String declared, String channel) {
        if (following.remove(bsn)) {
            LOG.info("Contribution {} {} uninstalled here following another node", bsn, version);
            return;
        }
        if ("rest".equals(channel)) {
            jars.uninstalled(bsn); // before the records: a node that restarts meanwhile does not bring it back
            local.remove(bsn);
        }
        Caller actor = requested.remove(bsn);
        if (actor == null) {
            actor = Caller.system(Channel.operator(channel));
        }
        boolean another = false;
        for (Bundle b : context.getBundles()) {
            another |= bsn.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED;
        }
        List<Long> ids = another ? List.of() : ledger.uninstalled(bsn);
        int retired = another ? 0 : systems.retireLineages(Caller.system("bundle:" + bsn),
                ContributionProcessor.lineagePrefix(bsn), "贡献包 " + bsn + " 已卸载");
        TemplateRegistry registry = templates.get();
        if (!another && declared != null && registry != null) {
            registry.retire(declared.trim(), bsn); // its document templates stop being used; their rows stay
        }
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.UNINSTALLED, bsn, version,
                ids.isEmpty() ? null : ids.get(ids.size() - 1), channel, actor.username(), actor.jurisdictionCode(),
                declared, null, null, List.of("停用指标体系 " + retired + " 个")));
        LOG.info("Contribution {} {} uninstalled by {}: {} indicator system version(s) retired", bsn, version, actor.username(), retired);
    }
}
