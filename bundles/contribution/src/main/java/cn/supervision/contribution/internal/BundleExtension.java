package cn.supervision.contribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.api.security.Caller;
import cn.supervision.contribution.internal.model.ContributionEntity;

/**
 * What an ACTIVE contribution bundle contributes, taken in one at a time on one worker thread and recorded by symbolic
 * name + version + content hash, so stops, refreshes and restarts neither duplicate nor re-version anything. A rejected
 * bundle is stopped, so none of it serves. Refusals by the code gate and uninstalls are recorded on the same thread, in
 * the order they happened.
 *
 * <p>Several nodes on one database decide each revision once: the node that {@linkplain ProcessingClaims claims} it
 * processes it and records the outcome; another node waits for the claim and adopts that outcome (ACTIVE: taken in
 * again without re-importing units; REJECTED: stopped here, nothing written). A copy this node installed before its
 * record was uninstalled or superseded (on another node, or while this one was down) is stale: stopped, not processed
 * again. A bundle this node installed only to follow another node's upload ({@link #follow}) never decides.
 */
final class BundleExtension {
    private static final Logger LOG = LoggerFactory.getLogger(BundleExtension.class);
    static final int MAX_ATTEMPTS = 30;

    private final ContributionProcessor processor;
    private final ContributionLedger ledger;
    private final Uploads uploads;
    private final CityGate city;
    private final BlueprintReadiness blueprints;
    private final Retirements retirements;
    private final ProcessingClaims claims;
    /** Revisions whose claim another node held when this node came to them: their outcome is adopted, not decided. */
    private final java.util.Set<String> waited = ConcurrentHashMap.newKeySet();
    /**
     * name@version installed here to follow an upload on another node, with the time (that node's clock) of the upload:
     * processed only by adopting an outcome recorded after it.
     */
    private final Map<String, Long> followed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "supervision-contributions"));
    /** Failed attempts per bundle@version: a platform service still starting is retried, not given up on. */
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    /** County bundles that became ACTIVE before the city's: their jurisdictions and the policy come from the city. */
    private final List<Bundle> waitingForCity = new ArrayList<>();

    BundleExtension(ContributionProcessor processor, ContributionLedger ledger, Uploads uploads, CityGate city,
                    BlueprintReadiness blueprints, Retirements retirements, ProcessingClaims claims) {
        this.processor = processor;
        this.ledger = ledger;
        this.uploads = uploads;
        this.city = city;
        this.blueprints = blueprints;
        this.retirements = retirements;
        this.claims = claims;
    }

    /** The next start of name@version was installed to follow another node: it adopts the outcome recorded there. */
    void follow(String bsn, String version, long uploadedAt) {
        followed.put(bsn + "@" + version, uploadedAt);
    }

    /** Runs on the worker, in order with processing (the reconciler installs and uninstalls from there). */
    void every(long seconds, Runnable task) {
        worker.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Contribution reconciliation failed, tried again in {} s: {}", seconds, e.toString());
            }
        }, 0, seconds, TimeUnit.SECONDS);
    }

    /** Completes once the task has run on the worker. */
    CompletableFuture<Void> onWorker(Runnable task) {
        return CompletableFuture.runAsync(task, worker);
    }

    void started(Bundle bundle) {
        worker.submit(() -> take(bundle));
    }

    void refused(ContributionLedger.NewEvent refusal) {
        worker.submit(() -> ledger.appendRefusalOnce(refusal));
    }

    void uninstalled(String bsn, String version, String declared, String channel) {
        worker.submit(() -> retirements.uninstalled(bsn, version, declared, channel));
    }

    /** Completes once everything submitted so far has run. */
    CompletableFuture<Void> drained() {
        return CompletableFuture.runAsync(() -> { }, worker);
    }

    void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the worker: a county waits for the city; any bundle for its Blueprint container, without holding the worker. */
    private void take(Bundle bundle) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return; // uninstalled meanwhile (e.g. by the reconciler, following another node)
        }
        if (!city.isOpen() && !city.isCity(bundle.getSymbolicName())) {
            LOG.info("Contribution {}@{} waits for the city's contribution bundle", bundle.getSymbolicName(), bundle.getVersion());
            waitingForCity.add(bundle); // only the worker thread touches it
            return;
        }
        blueprints.of(bundle).thenRunAsync(() -> process(bundle), worker);
    }

    private void process(Bundle bundle) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return;
        }
        String bsn = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        String key = bsn + "@" + version;
        Uploads.Pending upload = uploads.take(bsn, version);
        boolean claimed = false;
        String claimKey = null;
        try {
            BundleContent content = BundleContent.read(files(bundle));
            String declared = bundle.getHeaders("").get(ContributionService.JURISDICTION_HEADER);
            claimKey = ProcessingClaims.key(bsn, version, content.contentHash());
            ContributionEntity existing = ledger.find(bsn, version, content.contentHash());
            if (existing != null && existing.getState() == ContributionState.ACTIVE) {
                // a restart, refresh or re-upload of the same content, or another node's decision: systems and
                // jurisdictions are idempotent, units stay as edited
                ContributionProcessor.Outcome again = processor.process(bsn, declared, content, Caller.system("restart"), ledger.policy(), false);
                if (again.accepted()) {
                    waited.remove(claimKey);
                    followed.remove(key);
                    accepted(bsn);
                    complete(upload, existing.getId());
                    return;
                }
            }
            if (existing != null && stale(existing, bundle)) {
                LOG.warn("Contribution {} {} was {} at {} after this node installed it: stopped here, not processed again",
                        bsn, version, existing.getState(), java.time.Instant.ofEpochMilli(existing.getUpdatedAt()));
                stopQuietly(bundle);
                followed.remove(key);
                complete(upload, existing.getId());
                return;
            }
            Long uploadedAt = followed.get(key);
            boolean adopting = waited.contains(claimKey) || uploadedAt != null && existing != null && existing.getUpdatedAt() >= uploadedAt;
            ProcessingClaims.State claim = claims.state(claimKey);
            if (adopting && existing != null && existing.getState() == ContributionState.REJECTED
                    && (claim == ProcessingClaims.State.RELEASED || claim == ProcessingClaims.State.FREE)) {
                LOG.warn("Contribution {} {} was REJECTED by {}: stopped here too", bsn, version,
                        uploadedAt != null ? "the node it was uploaded to" : "another node");
                waited.remove(claimKey);
                followed.remove(key);
                stopQuietly(bundle);
                complete(upload, existing.getId());
                return;
            }
            if (uploadedAt != null || claim == ProcessingClaims.State.HELD_ELSEWHERE || !claims.claim(claimKey)) {
                // another node decides (the node it was uploaded to may not have yet): wait for its outcome
                if (uploadedAt == null && waited.add(claimKey)) {
                    LOG.info("Contribution {} is being processed by another node; this node adopts its outcome", key);
                }
                uploads.retry(bsn, version, upload);
                worker.schedule(() -> take(bundle), 1, TimeUnit.SECONDS);
                return;
            }
            claimed = true;
            waited.remove(claimKey);
            String channel = Channel.of(bundle);
            Caller installer = upload != null ? upload.caller() : Caller.system(Channel.operator(channel));
            String owner = ledger.owner(bsn);
            java.util.Optional<String> contract = ContractCheck.refusal(bundle.getHeaders("").get(ContributionService.CONTRACT_HEADER));
            ContributionProcessor.Outcome outcome = owner != null && !owner.equals(declared)
                    ? new ContributionProcessor.Outcome(false, List.of("贡献包 " + bsn + " 属于行政区划 " + owner
                            + "（由它首先安装），不能以行政区划 " + declared + " 的名义安装或更新"), 0, 0)
                    : contract.isPresent() ? new ContributionProcessor.Outcome(false, List.of(contract.get()), 0, 0)
                    : processor.process(bsn, declared, content, installer, ledger.policy(), true);
            String sha = upload != null ? upload.sha256() : null;
            ContributionLedger.Stored stored = ledger.store(new ContributionLedger.Processed(bsn, version, declared,
                    content.contentHash(), sha, channel, installer.username(), outcome.accepted(), outcome.reasons(),
                    outcome.units(), outcome.systems(), content.policy()));
            ContributionEventType type = !outcome.accepted() ? ContributionEventType.REFUSED
                    : stored.replacedAnother() ? ContributionEventType.UPDATED : ContributionEventType.INSTALLED;
            ledger.append(new ContributionLedger.NewEvent(type, bsn, version, stored.id(), channel, installer.username(),
                    installer.jurisdictionCode(), declared, sha, content.contentHash(), outcome.reasons()));
            if (outcome.accepted()) {
                accepted(bsn);
                LOG.info("Contribution {} {} for {} {}: {} units, {} indicator systems", bsn, version, declared, type,
                        outcome.units(), outcome.systems());
            } else {
                LOG.warn("Contribution {} {} for {} REJECTED:\n  {}", bsn, version, declared, String.join("\n  ", outcome.reasons()));
                stopQuietly(bundle);
            }
            complete(upload, stored.id());
            attempts.remove(key);
        } catch (RuntimeException e) {
            int n = attempts.merge(key, 1, Integer::sum);
            if (n < MAX_ATTEMPTS && bundle.getState() == Bundle.ACTIVE) {
                LOG.warn("Contribution {} not processed yet (attempt {}): {}; retrying in 1 s", key, n, e.getMessage());
                uploads.retry(bsn, version, upload);
                worker.schedule(() -> take(bundle), 1, TimeUnit.SECONDS);
                return;
            }
            attempts.remove(key);
            LOG.error("Contribution {} could not be processed", key, e);
            if (upload != null) {
                upload.processed().completeExceptionally(e);
            }
        } finally {
            if (claimed) {
                try {
                    claims.release(claimKey);
                } catch (RuntimeException e) {
                    LOG.warn("Could not release the processing claim of {} (taken over when its lease ends): {}", claimKey, e.toString());
                }
            }
        }
    }

    /**
     * This node's copy was installed (or last updated) before its record was uninstalled or superseded — on another
     * node, or here through another channel — so it is not a new install act and must not bring the record back.
     */
    static boolean stale(ContributionEntity existing, Bundle bundle) {
        return (existing.getState() == ContributionState.UNINSTALLED || existing.getState() == ContributionState.SUPERSEDED)
                && bundle.getLastModified() <= existing.getUpdatedAt();
    }

    /** The city's acceptance lets the counties that came before it in. */
    private void accepted(String bsn) {
        if (city.accepted(bsn)) {
            List<Bundle> waiting = List.copyOf(waitingForCity);
            waitingForCity.clear();
            waiting.stream().filter(b -> b.getState() == Bundle.ACTIVE).forEach(this::started);
        }
    }

    private static void complete(Uploads.Pending upload, long id) {
        if (upload != null) {
            upload.processed().complete(id);
        }
    }

    private static Map<String, byte[]> files(Bundle bundle) {
        Map<String, byte[]> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries(ContributionService.CONTENT_FOLDER, "*", true);
        if (entries == null) {
            return files;
        }
        String prefix = "/" + ContributionService.CONTENT_FOLDER + "/";
        while (entries.hasMoreElements()) {
            URL u = entries.nextElement();
            String path = u.getPath();
            if (path.endsWith("/")) {
                continue;
            }
            try (InputStream in = u.openStream()) {
                files.put(path.startsWith(prefix) ? path.substring(prefix.length()) : path, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path + " of " + bundle.getSymbolicName(), e);
            }
        }
        return files;
    }

    private static void stopQuietly(Bundle bundle) {
        try {
            if (bundle.getState() == Bundle.ACTIVE) {
                bundle.stop(Bundle.STOP_TRANSIENT);
            }
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not stop rejected bundle {}: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }
}
