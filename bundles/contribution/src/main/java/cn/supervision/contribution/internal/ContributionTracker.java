package cn.supervision.contribution.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.security.Caller;

/**
 * Follows every bundle with a {@value ContributionService#JURISDICTION_HEADER} header: judged by the {@link CodeGate}
 * when installed or updated (before the framework can resolve it), handed to the {@link BundleExtension} when it
 * starts, its retirement when it is uninstalled.
 */
final class ContributionTracker implements BundleTrackerCustomizer<ContributionTracker.Tracked> {
    private static final Logger LOG = LoggerFactory.getLogger(ContributionTracker.class);

    record Tracked(String symbolicName, String version) { }

    private final BundleContext context;
    private final CodeGate gate;
    private final Uploads uploads;
    private final BundleExtension extension;
    private BundleTracker<Tracked> tracker;
    private ServiceRegistration<ResolverHookFactory> gateRegistration;

    ContributionTracker(BundleContext context, CodeGate gate, Uploads uploads, BundleExtension extension) {
        this.context = context;
        this.gate = gate;
        this.uploads = uploads;
        this.extension = extension;
    }

    void open() {
        // the gate first: no contribution bundle resolves unjudged from here on
        gateRegistration = context.registerService(ResolverHookFactory.class, gate, null);
        tracker = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, this);
        tracker.open();
    }

    void close() {
        if (tracker != null) {
            tracker.close();
        }
        if (gateRegistration != null) {
            gateRegistration.unregister();
        }
    }

    @Override
    public Tracked addingBundle(Bundle bundle, BundleEvent event) {
        if (!CodeGate.isContribution(bundle)) {
            return null;
        }
        Tracked t = new Tracked(bundle.getSymbolicName(), bundle.getVersion().toString());
        judge(bundle);
        if (bundle.getState() == Bundle.ACTIVE) {
            extension.started(bundle);
        }
        return t;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked t) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            judge(bundle);
        }
        if (event != null && event.getType() == BundleEvent.STARTED) {
            extension.started(bundle);
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked t) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            gate.forget(bundle.getBundleId());
            String declared = bundle.getHeaders("").get(ContributionService.JURISDICTION_HEADER); // an uninstalled bundle still has its last headers
            extension.uninstalled(t.symbolicName(), bundle.getVersion().toString(), declared, Channel.of(bundle));
        }
    }

    /**
     * Synchronously, before the framework can resolve the bundle: an inadmissible one is recorded as refused. A
     * bundle already running when the platform started (installed before the extender) is stopped for good.
     */
    private void judge(Bundle bundle) {
        // empty: the gate could not read it, because it was updated or uninstalled meanwhile (at start the reconciler's
        // first round, on the worker, follows other nodes while the tracker, on the starting thread, still reads); no
        // refusal then: an updated bundle is judged again on its UPDATED event, an uninstalled one is gone
        JarInspection verdict = gate.inspect(bundle).orElse(null);
        if (verdict == null || verdict.admissible() || bundle.getState() == Bundle.UNINSTALLED) {
            return;
        }
        List<String> reasons = new ArrayList<>(verdict.malformed());
        reasons.addAll(verdict.code());
        reasons.addAll(verdict.signature());
        if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING | Bundle.RESOLVED)) != 0) {
            LOG.error("Contribution bundle {} carries code no trusted certificate signed and was resolved before the platform"
                    + " could judge it; it is stopped:\n  {}", bundle.getSymbolicName(), String.join("\n  ", reasons));
            try {
                bundle.stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Could not stop {}: {}", bundle.getSymbolicName(), e.getMessage());
            }
        } else {
            LOG.warn("Contribution bundle {} {} refused (not resolved):\n  {}", bundle.getSymbolicName(), bundle.getVersion(),
                    String.join("\n  ", reasons));
        }
        String bsn = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        Uploads.Pending upload = uploads.pending(bsn, version);
        String channel = Channel.of(bundle);
        Caller actor = upload != null ? upload.caller() : Caller.system(Channel.operator(channel));
        extension.refused(new ContributionLedger.NewEvent(ContributionEventType.REFUSED, bsn, version, null, channel, actor.username(),
                actor.jurisdictionCode(), bundle.getHeaders("").get(ContributionService.JURISDICTION_HEADER),
                upload == null ? null : upload.sha256(), null, reasons));
    }
}
