package cn.supervision.contribution.internal;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.contribution.ContributionState;

/**
 * Makes this node's framework hold the uploaded jars the database says every node is to have ({@link StoredJars}):
 * installs or updates what is missing or different, uninstalls what was uninstalled on another node. Runs on the
 * extension's worker at start (before any bundle is processed) and every few seconds. What it installs goes through
 * the same code gate and processing as any bundle, adopting the outcome the uploading node recorded; what it
 * uninstalls retires nothing (the uninstalling node did). A contribution of another channel (deploy folder, feature)
 * whose record was uninstalled elsewhere after this node installed it is stopped here.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    static final long POLL_SECONDS = 5;

    private final BundleContext context;
    private final StoredJars jars;
    private final LocalJars local;
    private final ContributionLedger ledger;
    private final Uploads uploads;
    private final BundleExtension extension;
    private final Retirements retirements;

    Reconciler(BundleContext context, StoredJars jars, LocalJars local, ContributionLedger ledger, Uploads uploads,
               BundleExtension extension, Retirements retirements) {
        this.context = context;
        this.jars = jars;
        this.local = local;
        this.ledger = ledger;
        this.uploads = uploads;
        this.extension = extension;
        this.retirements = retirements;
    }

    /** On the worker. */
    void reconcile() {
        for (StoredJars.Desired d : jars.all()) {
            try {
                // skipped while this node uploads or uninstalls it itself: what was read above may be stale by then
                uploads.unlessInFlight(d.symbolicName(), () -> follow(d));
            } catch (BundleException | RuntimeException e) {
                LOG.warn("Could not follow the uploaded contribution {} {} ({}): {}", d.symbolicName(), d.version(),
                        d.installed() ? "install" : "uninstall", e.toString());
            }
        }
        stopUninstalledElsewhere();
    }

    private void follow(StoredJars.Desired d) throws BundleException {
        String bsn = d.symbolicName();
        Bundle mine = context.getBundle(Channel.UPLOAD_LOCATION + bsn);
        if (!d.installed()) {
            if (mine != null) {
                LOG.info("Contribution {} was uninstalled on another node: uninstalled here too", bsn);
                retirements.following(bsn);
                mine.uninstall();
            }
            local.remove(bsn);
            return;
        }
        if (mine != null && d.sha256().equals(local.sha(bsn))) {
            return;
        }
        if (mine == null && named(bsn) != null) {
            LOG.warn("Contribution {} was uploaded on another node, but this node has a bundle of that name from another"
                    + " channel ({}): not followed", bsn, named(bsn).getLocation());
            return;
        }
        byte[] bytes = jars.bytes(bsn, d.sha256());
        if (bytes == null) {
            return; // changed meanwhile: the next round sees the new state
        }
        extension.follow(bsn, d.version(), d.changedAt());
        String before = local.put(bsn, d.sha256());
        try {
            if (mine == null) {
                mine = context.installBundle(Channel.UPLOAD_LOCATION + bsn, new ByteArrayInputStream(bytes));
                mine.adapt(BundleStartLevel.class).setStartLevel(Channel.START_LEVEL);
            } else {
                mine.update(new ByteArrayInputStream(bytes));
            }
            if (mine.getState() != Bundle.ACTIVE && mine.getState() != Bundle.UNINSTALLED) {
                mine.start();
            }
            LOG.info("Contribution {} {} uploaded on another node: installed here", bsn, d.version());
        } catch (BundleException e) {
            if (mine == null) {
                local.restore(bsn, before);
            }
            throw e;
        }
    }

    /** A contribution bundle of this node (not an upload) whose record was uninstalled after this node installed it. */
    private void stopUninstalledElsewhere() {
        List<ContributionLedger.RecordState> records = null;
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.ACTIVE || b.getLocation().startsWith(Channel.UPLOAD_LOCATION)
                    || b.getHeaders("").get(ContributionService.JURISDICTION_HEADER) == null) {
                continue;
            }
            if (records == null) {
                records = ledger.states(); // only when this node runs such a bundle at all
            }
            String version = b.getVersion().toString();
            List<ContributionLedger.RecordState> rows = records.stream().filter(e -> e.symbolicName().equals(b.getSymbolicName())
                    && e.version().equals(version)).toList();
            if (!rows.isEmpty() && rows.stream().allMatch(e -> e.state() == ContributionState.UNINSTALLED
                    && e.updatedAt() >= b.getLastModified())) {
                LOG.warn("Contribution {} {} ({}) was uninstalled on another node: stopped here; remove it from this node's"
                        + " deploy/ folder or features too", b.getSymbolicName(), version, Channel.of(b));
                try {
                    b.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    LOG.warn("Could not stop {}: {}", b.getSymbolicName(), e.toString());
                }
            }
        }
    }

    private Bundle named(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return b;
            }
        }
        return null;
    }
}
