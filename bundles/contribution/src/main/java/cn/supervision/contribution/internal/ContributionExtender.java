package cn.supervision.contribution.internal;

import cn.supervision.api.problem.ProblemKind;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.document.TemplateRegistry;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.contribution.internal.model.ContributionEntity;

/**
 * The extender: every bundle with a {@value ContributionService#JURISDICTION_HEADER} header is judged when it is
 * installed (the {@link CodeGate} keeps the framework from resolving code no trusted certificate signed), processed
 * when it becomes ACTIVE, one at a time, and recorded by symbolic name + version + content hash, so stops, refreshes
 * and restarts neither duplicate nor re-version anything. Every install, update, refusal and uninstall is also an
 * event of the append-only history. Uninstalling retires exactly the bundle's indicator systems. A rejected bundle
 * is stopped, so none of it serves; the rest of the platform keeps running. Authority is the platform's
 * {@link Access} policy: READ_CONTRIBUTIONS to read, INSTALL_CONTRIBUTION to upload and uninstall.
 */
public class ContributionExtender implements ContributionService, HealthIndicator,
        BundleTrackerCustomizer<ContributionExtender.Tracked> {
    private static final Logger LOG = LoggerFactory.getLogger(ContributionExtender.class);
    static final String UPLOAD_LOCATION = "supervision:upload:";
    static final long PROCESS_TIMEOUT_SECONDS = 60;
    static final int MAX_ATTEMPTS = 30;
    static final int MAX_EVENTS = 500;

    record Tracked(String symbolicName, String version) { }

    private record Upload(String sha256, Caller caller, CompletableFuture<Long> processed) { }

    private final BundleContext context;
    private final RegistryService registry;
    private final IndicatorSystemService systems;
    private final ContributionProcessor processor;
    private final ContributionLedger ledger;
    private final JarInspector inspector;
    private final CodeGate gate;
    private final String cityJurisdiction;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "supervision-contributions"));
    /** Failed attempts per bundle@version: a platform service still starting is retried, not given up on. */
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    /** Who asked for an uninstall through the API, by symbolic name (else it was the operator). */
    private final Map<String, Caller> uninstallers = new ConcurrentHashMap<>();
    /** County bundles that became ACTIVE before the city's: their jurisdictions and the policy come from the city. */
    private final List<Bundle> waitingForCity = new ArrayList<>();
    private BundleTracker<Tracked> tracker;
    private ServiceRegistration<ResolverHookFactory> gateRegistration;
    private volatile boolean cityProcessed;
    /** The document service's template registry: validates, installs and retires a contribution's templates/. */
    private final ServiceTracker<TemplateRegistry, TemplateRegistry> templateTracker;
    /** The power-list service: imports a contribution's power-lists/ as the units' current lists. */
    private final ServiceTracker<PowerListService, PowerListService> powerListTracker;

    public ContributionExtender(BundleContext context, JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems,
                                String cityBundle, String cityJurisdiction, String trustCertificates, String demoTrustCertificates,
                                boolean demo) {
        this(context, new ContributionLedger(jpa, Clock.systemUTC()), registry, systems, cityBundle, cityJurisdiction,
                TrustStore.load(certificateFiles(trustCertificates, demo ? demoTrustCertificates : null)));
    }

    ContributionExtender(BundleContext context, ContributionLedger ledger, RegistryService registry, IndicatorSystemService systems,
                         String cityBundle, String cityJurisdiction, TrustStore trust) {
        this.context = context;
        this.ledger = ledger;
        this.registry = registry;
        this.systems = systems;
        this.cityJurisdiction = cityJurisdiction;
        this.templateTracker = context == null ? null : new ServiceTracker<>(context, TemplateRegistry.class, null);
        this.powerListTracker = context == null ? null : new ServiceTracker<>(context, PowerListService.class, null);
        this.processor = new ContributionProcessor(registry, systems, cityBundle, cityJurisdiction, this::templateRegistry,
                this::powerListService);
        this.inspector = new JarInspector(trust);
        this.gate = new CodeGate(inspector);
        if (trust.isEmpty()) {
            LOG.info("No trusted signing certificate configured: contribution bundles that carry code are refused");
        }
    }

    /** Certificate files named in the configuration, relative to Karaf's etc/ folder. */
    static List<Path> certificateFiles(String... lists) {
        String etc = System.getProperty("karaf.etc", "etc");
        List<Path> files = new ArrayList<>();
        for (String list : lists) {
            if (list == null) {
                continue;
            }
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    Path p = Path.of(name.trim());
                    files.add(p.isAbsolute() ? p : Path.of(etc).resolve(p));
                }
            }
        }
        return files;
    }

    public void start() {
        // the gate first: no contribution bundle resolves unjudged from here on
        gateRegistration = context.registerService(ResolverHookFactory.class, gate, null);
        templateTracker.open();
        powerListTracker.open();
        tracker = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, this);
        tracker.open();
    }

    public void stop() {
        tracker.close();
        templateTracker.close();
        powerListTracker.close();
        if (gateRegistration != null) {
            gateRegistration.unregister();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TemplateRegistry templateRegistry() {
        return templateTracker == null ? null : templateTracker.getService();
    }

    private PowerListService powerListService() {
        return powerListTracker == null ? null : powerListTracker.getService();
    }

    @Override
    public String component() {
        return "contributions";
    }

    @Override
    public String problem() {
        return cityProcessed ? null : "the city's contribution bundle has not been processed yet";
    }

    // ------------------------------------------------------------------ the bundle tracker

    @Override
    public Tracked addingBundle(Bundle bundle, BundleEvent event) {
        if (!CodeGate.isContribution(bundle)) {
            return null;
        }
        Tracked t = new Tracked(bundle.getSymbolicName(), bundle.getVersion().toString());
        judge(bundle);
        if (bundle.getState() == Bundle.ACTIVE) {
            worker.submit(() -> process(bundle));
        }
        return t;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked t) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            judge(bundle);
        }
        if (event != null && event.getType() == BundleEvent.STARTED) {
            worker.submit(() -> process(bundle));
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked t) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            gate.forget(bundle.getBundleId());
            String version = bundle.getVersion().toString();
            String declared = bundle.getHeaders("").get(JURISDICTION_HEADER); // an uninstalled bundle still has its last headers
            worker.submit(() -> uninstalled(t.symbolicName(), version, declared, channel(bundle)));
        }
    }

    /**
     * Synchronously, before the framework can resolve the bundle: an inadmissible one is recorded as refused. A
     * bundle already running when the platform started (installed before the extender) is stopped for good.
     */
    private void judge(Bundle bundle) {
        JarInspection verdict = gate.inspect(bundle);
        if (verdict.admissible()) {
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
        Upload upload = uploads.get(bundle.getSymbolicName() + "@" + bundle.getVersion());
        String declared = bundle.getHeaders("").get(JURISDICTION_HEADER);
        String channel = channel(bundle);
        worker.submit(() -> refusedOnce(bundle.getSymbolicName(), bundle.getVersion().toString(), declared, channel, upload, reasons));
    }

    /** One REFUSED event per refusal, not one more at every restart. */
    private void refusedOnce(String bsn, String version, String declared, String channel, Upload upload, List<String> reasons) {
        List<ContributionEvent> history = ledger.events(bsn);
        ContributionEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last != null && last.type() == ContributionEventType.REFUSED && version.equals(last.version())
                && reasons.equals(last.reasons())) {
            return;
        }
        Caller actor = upload != null ? upload.caller() : Caller.system(operator(channel));
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.REFUSED, bsn, version, null, channel, actor.username(),
                actor.jurisdictionCode(), declared, upload == null ? null : upload.sha256(), null, reasons));
    }

    // ------------------------------------------------------------------ processing

    private void process(Bundle bundle) {
        String bsn = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        String key = bsn + "@" + version;
        if (!cityProcessed && !processor.isCity(bsn)) {
            LOG.info("Contribution {} waits for the city's contribution bundle", key);
            waitingForCity.add(bundle); // only the worker thread touches it
            return;
        }
        Upload upload = uploads.remove(key);
        try {
            awaitBlueprint(bundle);
            BundleContent content = BundleContent.read(files(bundle));
            String declared = bundle.getHeaders("").get(JURISDICTION_HEADER);
            ContributionEntity existing = ledger.find(bsn, version, content.contentHash());
            if (existing != null && existing.getState() == ContributionState.ACTIVE) {
                // a restart, refresh or re-upload of the same content: systems and jurisdictions are idempotent, units stay as edited
                ContributionProcessor.Outcome again = processor.process(bsn, declared, content, Caller.system("restart"), ledger.policy(), false);
                if (again.accepted()) {
                    markCityProcessed(bsn);
                    complete(upload, existing.getId());
                    return;
                }
            }
            String channel = channel(bundle);
            Caller installer = upload != null ? upload.caller() : Caller.system(operator(channel));
            String owner = ledger.owner(bsn);
            ContributionProcessor.Outcome outcome = owner != null && !owner.equals(declared)
                    ? new ContributionProcessor.Outcome(false, List.of("贡献包 " + bsn + " 属于行政区划 " + owner
                            + "（由它首先安装），不能以行政区划 " + declared + " 的名义安装或更新"), 0, 0)
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
                markCityProcessed(bsn);
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
                if (upload != null) {
                    uploads.putIfAbsent(key, upload);
                }
                worker.schedule(() -> process(bundle), 1, TimeUnit.SECONDS);
                return;
            }
            attempts.remove(key);
            LOG.error("Contribution {} could not be processed", key, e);
            if (upload != null) {
                upload.processed().completeExceptionally(e);
            }
        }
    }

    private void markCityProcessed(String bsn) {
        if (processor.isCity(bsn) && !cityProcessed) {
            cityProcessed = true;
            List<Bundle> waiting = List.copyOf(waitingForCity);
            waitingForCity.clear();
            waiting.stream().filter(b -> b.getState() == Bundle.ACTIVE).forEach(b -> worker.submit(() -> process(b)));
        }
    }

    private static void complete(Upload upload, long id) {
        if (upload != null) {
            upload.processed().complete(id);
        }
    }

    /** A bundle's CUSTOM rules are Blueprint services: wait for its container before validating what uses them. */
    private void awaitBlueprint(Bundle bundle) {
        Enumeration<URL> blueprint = bundle.findEntries("OSGI-INF/blueprint", "*.xml", false);
        if (blueprint == null || !blueprint.hasMoreElements()) {
            return;
        }
        try {
            Filter f = context.createFilter("(&(objectClass=org.osgi.service.blueprint.container.BlueprintContainer)"
                    + "(osgi.blueprint.container.symbolicname=" + bundle.getSymbolicName() + "))");
            ServiceTracker<Object, Object> t = new ServiceTracker<>(context, f, null);
            t.open(true);
            try {
                if (t.waitForService(30_000) == null) {
                    LOG.warn("Blueprint container of {} not up after 30 s; validating without its services", bundle.getSymbolicName());
                }
            } finally {
                t.close();
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, byte[]> files(Bundle bundle) {
        Map<String, byte[]> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries(CONTENT_FOLDER, "*", true);
        if (entries == null) {
            return files;
        }
        String prefix = "/" + CONTENT_FOLDER + "/";
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

    /** {@code rest} (upload), {@code boot} (a feature), {@code deploy} (the deploy folder) or {@code shell}. */
    static String channel(Bundle bundle) {
        String location = bundle.getLocation();
        if (location.startsWith(UPLOAD_LOCATION)) {
            return "rest";
        }
        if (location.startsWith("mvn:")) {
            return "boot";
        }
        return location.contains("/deploy/") ? "deploy" : "shell";
    }

    private static String operator(String channel) {
        return "operator (" + channel + ")";
    }

    private void stopQuietly(Bundle bundle) {
        try {
            if (bundle.getState() == Bundle.ACTIVE) {
                bundle.stop(Bundle.STOP_TRANSIENT);
            }
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not stop rejected bundle {}: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }

    /**
     * The bundle is gone. When no other bundle of the same name remains, its records become UNINSTALLED and exactly
     * its own lineages ({@code bundle:<name>/…}) are retired.
     */
    private void uninstalled(String bsn, String version, String declared, String channel) {
        Caller actor = uninstallers.remove(bsn);
        if (actor == null) {
            actor = Caller.system(operator(channel));
        }
        boolean another = false;
        for (Bundle b : context.getBundles()) {
            another |= bsn.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED;
        }
        List<Long> ids = another ? List.of() : ledger.uninstalled(bsn);
        int retired = another ? 0 : systems.retireLineages(Caller.system("bundle:" + bsn),
                ContributionProcessor.lineagePrefix(bsn), "贡献包 " + bsn + " 已卸载");
        TemplateRegistry templates = templateRegistry();
        if (!another && declared != null && templates != null) {
            templates.retire(declared.trim(), bsn); // its document templates stop being used; their rows stay
        }
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.UNINSTALLED, bsn, version,
                ids.isEmpty() ? null : ids.get(ids.size() - 1), channel, actor.username(), actor.jurisdictionCode(),
                declared, null, null, List.of("停用指标体系 " + retired + " 个")));
        LOG.info("Contribution {} {} uninstalled by {}: {} indicator system version(s) retired", bsn, version, actor.username(), retired);
    }

    // ------------------------------------------------------------------ authority

    private Access access() {
        return registry.access();
    }

    /** The city's authority over contributions: what code-carrying bundles and operator-installed ones need. */
    private boolean city(Caller caller) {
        return access().may(caller, Operation.INSTALL_CONTRIBUTION, cityJurisdiction);
    }

    private boolean exists(String jurisdictionCode) {
        return registry.listJurisdictions(Caller.system("contributions")).stream().anyMatch(j -> j.code().equals(jurisdictionCode));
    }

    @Override
    public void checkUploader(Caller caller, String jurisdictionCode) {
        if (jurisdictionCode == null) {
            String home = caller.jurisdictionCode();
            if (!caller.isSystem() && (home == null || !access().may(caller, Operation.INSTALL_CONTRIBUTION, home))) {
                throw SupervisionException.forbidden("当前用户无权" + Operation.INSTALL_CONTRIBUTION.label());
            }
            return;
        }
        if (exists(jurisdictionCode)) {
            access().require(caller, Operation.INSTALL_CONTRIBUTION, jurisdictionCode);
        } else if (!city(caller)) {
            // a new development zone is registered by a bundle the city installs; anyone else learns nothing more
            throw Access.denied(Operation.INSTALL_CONTRIBUTION, Target.of(jurisdictionCode));
        }
    }

    // ------------------------------------------------------------------ the service

    @Override
    public List<Contribution> list(Caller caller) {
        List<ContributionEntity> all = ledger.all().stream().filter(e -> e.getJurisdictionCode() != null).toList();
        return access().filter(caller, Operation.READ_CONTRIBUTIONS, all, e -> Target.of(e.getJurisdictionCode())).stream()
                .map(ContributionLedger::toValue).toList();
    }

    @Override
    public Contribution get(Caller caller, long id) {
        ContributionEntity e = ledger.find(id);
        if (e == null) {
            throw SupervisionException.notFound("贡献包记录 " + id + " 不存在");
        }
        Target target = Target.of(e.getJurisdictionCode() == null ? cityJurisdiction : e.getJurisdictionCode());
        if (!access().may(caller, Operation.READ_CONTRIBUTIONS, target)) {
            throw Access.denied(Operation.READ_CONTRIBUTIONS, target);
        }
        return ContributionLedger.toValue(e);
    }

    @Override
    public List<ContributionEvent> events(Caller caller, long id) {
        Contribution c = get(caller, id);
        Set<String> known = knownJurisdictions();
        return ledger.events(c.symbolicName()).stream().filter(e -> readable(caller, e, known)).toList();
    }

    @Override
    public List<ContributionEvent> recentEvents(Caller caller, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_EVENTS));
        Set<String> known = knownJurisdictions();
        return ledger.recent(MAX_EVENTS * 4).stream().filter(e -> readable(caller, e, known)).limit(n).toList();
    }

    private Set<String> knownJurisdictions() {
        return registry.listJurisdictions(Caller.system("contributions")).stream().map(j -> j.code()).collect(Collectors.toSet());
    }

    /** An event is read under the jurisdiction its jar declared; one declaring none (or an unknown one) only by the platform. */
    private boolean readable(Caller caller, ContributionEvent e, Set<String> known) {
        if (caller.isSystem()) {
            return true;
        }
        return e.jurisdictionCode() != null && known.contains(e.jurisdictionCode())
                && access().may(caller, Operation.READ_CONTRIBUTIONS, e.jurisdictionCode());
    }

    @Override
    public Contribution upload(Caller caller, byte[] jar) {
        String sha = sha256(jar);
        JarInspection found = inspect(jar);
        if (!found.wellFormed()) {
            throw refused(caller, sha, found, SupervisionException.invalid("不是有效的 OSGi bundle（jar）：" + found.malformed().get(0),
                    errors(found.malformed())), found.malformed());
        }
        String bsn = found.symbolicName();
        String declared = found.jurisdiction();
        if (declared == null) {
            throw refused(caller, sha, found, SupervisionException.invalid("jar", "不是贡献包：清单中没有 " + JURISDICTION_HEADER),
                    List.of("清单中没有 " + JURISDICTION_HEADER));
        }
        try {
            checkUploader(caller, declared);
        } catch (SupervisionException e) {
            throw refused(caller, sha, found, e, List.of(e.getMessage()));
        }
        if (!found.declarative()) {
            if (!city(caller)) {
                // code in a bundle runs with the platform's rights: the city decides what code runs
                throw refused(caller, sha, found, new SupervisionException(ProblemKind.FORBIDDEN, "禁止访问", "含 Java 代码或让框架加载代码的贡献包须由市级管理员"
                        + "或运维渠道安装，且须由可信证书签名；县区只能上传只含 SUPERVISION-INF 内容的数据贡献包", errors(found.code())), found.code());
            }
            if (!found.trustedCode()) {
                throw refused(caller, sha, found, new SupervisionException(ProblemKind.FORBIDDEN, "禁止访问", "含代码的贡献包须由市级可信证书签名（etc/"
                        + " 中配置的证书）", errors(found.signature())), found.signature());
            }
        }
        Bundle bundle = installed(bsn);
        Ownership.Existing existing = bundle == null ? null
                : new Ownership.Existing(ledger.all().stream().anyMatch(e -> bsn.equals(e.getSymbolicName()) && declared.equals(e.getJurisdictionCode())),
                        bundle.getLocation().startsWith(UPLOAD_LOCATION));
        var conflict = Ownership.refusal(bsn, declared, ledger.owner(bsn), existing, city(caller));
        if (conflict.isPresent()) {
            throw refused(caller, sha, found, conflict.get(), List.of(conflict.get().getMessage()));
        }
        String key = bsn + "@" + found.version();
        Upload upload = new Upload(sha, caller, new CompletableFuture<>());
        uploads.put(key, upload);
        try {
            if (bundle == null) {
                bundle = context.installBundle(UPLOAD_LOCATION + bsn, new ByteArrayInputStream(jar));
            } else {
                bundle.update(new ByteArrayInputStream(jar));
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start(); // an update of an ACTIVE bundle restarts it by itself; either way the tracker processes it
            }
            long id = upload.processed().get(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return get(caller, id);
        } catch (BundleException e) {
            throw SupervisionException.invalid("jar", "OSGi 拒绝安装该 bundle：" + e.getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "贡献包已安装，但 " + PROCESS_TIMEOUT_SECONDS + " 秒内未处理完毕", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "处理被中断", null);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("contribution processing failed", e.getCause());
        } finally {
            uploads.remove(key, upload);
        }
    }

    /** Records the refusal of an upload as its own event and hands back the answer to throw. */
    private SupervisionException refused(Caller caller, String sha, JarInspection found, SupervisionException answer, List<String> reasons) {
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.REFUSED, found.symbolicName(), found.version(), null,
                "rest", caller.username(), caller.jurisdictionCode(), found.jurisdiction(), sha, null, reasons));
        LOG.warn("Upload by {} of {} refused ({}):\n  {}", caller.username(), found.symbolicName() == null ? "an unreadable jar"
                : found.symbolicName() + " " + found.version() + " for " + found.jurisdiction(), answer.kind(), String.join("\n  ", reasons));
        return answer;
    }

    private static List<FieldError> errors(List<String> reasons) {
        return reasons.stream().map(r -> new FieldError("jar", r)).toList();
    }

    private JarInspection inspect(byte[] jar) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("supervision-upload-", ".jar");
            Files.write(tmp, jar);
            return inspector.inspect(tmp);
        } catch (IOException e) {
            throw new IllegalStateException("cannot stage the upload", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}", tmp);
                }
            }
        }
    }

    @Override
    public Contribution uninstall(Caller caller, long id) {
        Contribution c = get(caller, id);
        access().require(caller, Operation.INSTALL_CONTRIBUTION, c.jurisdictionCode());
        Bundle bundle = installed(c.symbolicName());
        if (bundle == null || !bundle.getVersion().toString().equals(c.version())) {
            throw SupervisionException.conflict("贡献包 " + c.symbolicName() + " " + c.version() + " 当前未安装");
        }
        if (processor.isCity(c.symbolicName())) {
            throw SupervisionException.conflict("市级贡献包是平台的第一个租户，不能卸载；请安装新版本替换");
        }
        uninstallers.put(c.symbolicName(), caller);
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            uninstallers.remove(c.symbolicName());
            throw new IllegalStateException("cannot uninstall " + c.symbolicName(), e);
        }
        // wait for the extender to retire what the bundle contributed
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> { }, worker);
        try {
            done.get(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Retirement of {} still running", c.symbolicName());
        }
        return get(caller, id);
    }

    private Bundle installed(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
