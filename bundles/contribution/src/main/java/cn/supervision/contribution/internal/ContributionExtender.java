package cn.supervision.contribution.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.api.contribution.Policy;
import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.contribution.internal.model.ContributionEntity;

/**
 * The extender: every bundle with a {@value ContributionService#JURISDICTION_HEADER} header is processed when it
 * becomes ACTIVE, one at a time, and recorded by symbolic name + version + content hash, so stops, refreshes and
 * restarts neither duplicate nor re-version anything. Uninstalling retires the bundle's indicator systems. A rejected
 * bundle is stopped, so none of its code serves either; the rest of the platform keeps running.
 */
public class ContributionExtender implements ContributionService, HealthIndicator,
        BundleTrackerCustomizer<ContributionExtender.Tracked> {
    private static final Logger LOG = LoggerFactory.getLogger(ContributionExtender.class);
    static final String UPLOAD_LOCATION = "supervision:upload:";
    static final long PROCESS_TIMEOUT_SECONDS = 60;

    record Tracked(String symbolicName, String version) { }

    private record Upload(String sha256, Caller caller, CompletableFuture<Long> processed) { }

    private final BundleContext context;
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final IndicatorSystemService systems;
    private final ContributionProcessor processor;
    static final int MAX_ATTEMPTS = 30;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "supervision-contributions"));
    /** Failed attempts per bundle@version: a platform service still starting is retried, not given up on. */
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    /** County bundles that became ACTIVE before the city's: their jurisdictions and the policy come from the city. */
    private final java.util.List<Bundle> waitingForCity = new java.util.ArrayList<>();
    private BundleTracker<Tracked> tracker;
    private volatile boolean cityProcessed;

    public ContributionExtender(BundleContext context, JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems,
                                String cityBundle, String cityJurisdiction) {
        this.context = context;
        this.jpa = jpa;
        this.registry = registry;
        this.systems = systems;
        this.processor = new ContributionProcessor(registry, systems, cityBundle, cityJurisdiction);
    }

    public void start() {
        tracker = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, this);
        tracker.open();
    }

    public void stop() {
        tracker.close();
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        String declared = bundle.getHeaders("").get(JURISDICTION_HEADER);
        if (declared == null) {
            return null;
        }
        Tracked t = new Tracked(bundle.getSymbolicName(), bundle.getVersion().toString());
        if (bundle.getState() == Bundle.ACTIVE) {
            worker.submit(() -> process(bundle));
        }
        return t;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked t) {
        if (event != null && event.getType() == BundleEvent.STARTED) {
            worker.submit(() -> process(bundle));
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked t) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            worker.submit(() -> uninstalled(t));
        }
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
            ContributionEntity existing = find(bsn, version, content.contentHash());
            if (existing != null && existing.getState() == ContributionState.ACTIVE) {
                // a restart, refresh or re-upload of the same content: systems and jurisdictions are idempotent, units stay as edited
                ContributionProcessor.Outcome again = processor.process(bsn, declared, content, Caller.system("restart"), policy(), false);
                if (again.accepted()) {
                    markCityProcessed(bsn);
                    complete(upload, existing.getId());
                    return;
                }
            }
            Caller installer = upload != null ? upload.caller() : Caller.system(channel(bundle));
            ContributionProcessor.Outcome outcome = processor.process(bsn, declared, content, installer, policy(), true);
            long id = record(bundle, declared, content, outcome, upload);
            if (outcome.accepted()) {
                markCityProcessed(bsn);
                LOG.info("Contribution {} {} for {} ACTIVE: {} units, {} indicator systems", bsn, version, declared,
                        outcome.units(), outcome.systems());
            } else {
                LOG.warn("Contribution {} {} for {} REJECTED:\n  {}", bsn, version, declared, String.join("\n  ", outcome.reasons()));
                stopQuietly(bundle);
            }
            complete(upload, id);
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

    private static String channel(Bundle bundle) {
        String location = bundle.getLocation();
        if (location.startsWith(UPLOAD_LOCATION)) {
            return "rest";
        }
        if (location.startsWith("mvn:")) {
            return "feature";
        }
        return location.contains("/deploy/") || location.startsWith("file:") ? "deploy" : "shell";
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

    private void uninstalled(Tracked t) {
        jpa.tx(TransactionType.Required, em -> {
            // by symbolic name only: the bundle may have been updated to other versions since it was first tracked
            for (ContributionEntity e : em.createQuery("select c from ContributionEntity c where c.symbolicName = :s"
                    + " and c.state in :live", ContributionEntity.class).setParameter("s", t.symbolicName())
                    .setParameter("live", List.of(ContributionState.ACTIVE, ContributionState.REJECTED)).getResultList()) {
                e.setState(ContributionState.UNINSTALLED);
                e.setUpdatedAt(System.currentTimeMillis());
            }
        });
        int retired = systems.retireLineages(Caller.system("bundle:" + t.symbolicName()),
                ContributionProcessor.lineagePrefix(t.symbolicName()), "贡献包 " + t.symbolicName() + " 已卸载");
        LOG.info("Contribution {} uninstalled: {} indicator system version(s) retired", t.symbolicName(), retired);
    }

    // ------------------------------------------------------------------ records

    private ContributionEntity find(String bsn, String version, String hash) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c from ContributionEntity c where c.symbolicName = :s"
                        + " and c.version = :v and c.contentHash = :h", ContributionEntity.class)
                .setParameter("s", bsn).setParameter("v", version).setParameter("h", hash)
                .getResultList().stream().findFirst().orElse(null));
    }

    private long record(Bundle bundle, String declared, BundleContent content, ContributionProcessor.Outcome outcome, Upload upload) {
        return jpa.txExpr(TransactionType.Required, em -> {
            long now = System.currentTimeMillis();
            String bsn = bundle.getSymbolicName();
            String version = bundle.getVersion().toString();
            ContributionEntity e = em.createQuery("select c from ContributionEntity c where c.symbolicName = :s and c.version = :v"
                            + " and c.contentHash = :h", ContributionEntity.class).setParameter("s", bsn).setParameter("v", version)
                    .setParameter("h", content.contentHash()).getResultList().stream().findFirst().orElse(null);
            if (e == null) {
                e = new ContributionEntity();
                e.setSymbolicName(bsn);
                e.setVersion(version);
                e.setContentHash(content.contentHash());
                e.setInstalledAt(now);
                e.setChannel(channel(bundle));
                e.setInstalledBy(upload != null ? upload.caller().username() : "operator (" + channel(bundle) + ")");
                em.persist(e);
            }
            if (upload != null) {
                e.setJarSha256(upload.sha256());
                e.setInstalledBy(upload.caller().username());
                e.setChannel("rest");
            }
            e.setJurisdictionCode(declared);
            e.setState(outcome.accepted() ? ContributionState.ACTIVE : ContributionState.REJECTED);
            e.setReasons(toJson(outcome.reasons()));
            e.setUnits(outcome.units());
            e.setIndicatorSystems(outcome.systems());
            e.setPolicyJson(outcome.accepted() && content.policy() != null ? toJson(content.policy()) : e.getPolicyJson());
            e.setUpdatedAt(now);
            if (outcome.accepted()) {
                for (ContributionEntity older : em.createQuery("select c from ContributionEntity c where c.symbolicName = :s"
                        + " and c.state = :active", ContributionEntity.class).setParameter("s", bsn)
                        .setParameter("active", ContributionState.ACTIVE).getResultList()) {
                    if (older != e) {
                        older.setState(ContributionState.SUPERSEDED);
                        older.setUpdatedAt(now);
                    }
                }
            }
            em.flush();
            return e.getId();
        });
    }

    /** The policy of the city's contribution in force. */
    private Policy policy() {
        String json = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c.policyJson from ContributionEntity c"
                        + " where c.state = :active and c.policyJson is not null order by c.updatedAt desc", String.class)
                .setParameter("active", ContributionState.ACTIVE).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
        try {
            return json == null ? null : BundleContent.JSON.readValue(json, Policy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not readable", e);
        }
    }

    private static String toJson(Object o) {
        try {
            return BundleContent.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Contribution toValue(ContributionEntity e) {
        List<String> reasons;
        try {
            reasons = e.getReasons() == null ? List.of() : BundleContent.JSON.readValue(e.getReasons(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException ex) {
            reasons = List.of(e.getReasons());
        }
        return new Contribution(e.getId(), e.getSymbolicName(), e.getVersion(), e.getJurisdictionCode(), e.getState(),
                e.getContentHash(), e.getJarSha256(), e.getChannel(), e.getInstalledBy(), Instant.ofEpochMilli(e.getInstalledAt()),
                Instant.ofEpochMilli(e.getUpdatedAt()), e.getUnits(), e.getIndicatorSystems(), reasons);
    }

    // ------------------------------------------------------------------ the service

    private boolean visible(Caller caller, String jurisdictionCode) {
        if (caller.isSystem()) {
            return true;
        }
        return jurisdictionCode != null && registry.listJurisdictions(caller).stream().map(Jurisdiction::code)
                .anyMatch(jurisdictionCode::equals);
    }

    @Override
    public List<Contribution> list(Caller caller) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c from ContributionEntity c order by c.id",
                ContributionEntity.class).getResultList()).stream()
                .filter(e -> visible(caller, e.getJurisdictionCode())).map(this::toValue).toList();
    }

    @Override
    public Contribution get(Caller caller, long id) {
        ContributionEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(ContributionEntity.class, id));
        if (e == null) {
            throw SupervisionException.notFound("贡献包记录 " + id + " 不存在");
        }
        if (!visible(caller, e.getJurisdictionCode())) {
            throw SupervisionException.forbidden("无权查看行政区划 " + e.getJurisdictionCode() + " 的贡献包");
        }
        return toValue(e);
    }

    @Override
    public Contribution upload(Caller caller, byte[] jar) {
        Manifest manifest;
        boolean carriesCode = false;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
            for (java.util.jar.JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                String name = e.getName();
                carriesCode |= name.endsWith(".class") || name.endsWith(".jar") || name.startsWith("OSGI-INF/blueprint/");
            }
        } catch (IOException e) {
            throw SupervisionException.invalid("body", "不是有效的 OSGi bundle（jar）：" + e.getMessage());
        }
        if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
            throw SupervisionException.invalid("body", "不是有效的 OSGi bundle：缺少 Bundle-SymbolicName");
        }
        String bsn = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME).split(";")[0].trim();
        String version = org.osgi.framework.Version.parseVersion(manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION)).toString();
        String declared = manifest.getMainAttributes().getValue(JURISDICTION_HEADER);
        if (declared == null || declared.isBlank()) {
            throw SupervisionException.invalid("body", "不是贡献包：清单中没有 " + JURISDICTION_HEADER);
        }
        requireAdminister(caller, declared.trim());
        if (carriesCode && !caller.isSystem() && !caller.has(cn.supervision.api.security.Role.CITY_ADMIN)) {
            // code in a bundle runs with the platform's rights: the city decides what code runs
            throw SupervisionException.forbidden("含 Java 代码的贡献包须由市级管理员或运维渠道安装；县区可直接上传只含 SUPERVISION-INF 内容的贡献包");
        }
        Upload upload = new Upload(sha256(jar), caller, new CompletableFuture<>());
        uploads.put(bsn + "@" + version, upload);
        try {
            Bundle bundle = installed(bsn);
            if (bundle != null && !bundle.getLocation().startsWith(UPLOAD_LOCATION) && !caller.isSystem()
                    && !caller.has(cn.supervision.api.security.Role.CITY_ADMIN)) {
                throw SupervisionException.conflict("贡献包 " + bsn + " 是由运维渠道安装的，只能由运维人员或市级管理员更新");
            }
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
            throw SupervisionException.invalid("body", "OSGi 拒绝安装该 bundle：" + e.getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SupervisionException(503, "服务未就绪", "贡献包已安装，但 " + PROCESS_TIMEOUT_SECONDS + " 秒内未处理完毕", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisionException(503, "服务未就绪", "处理被中断", null);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("contribution processing failed", e.getCause());
        } finally {
            uploads.remove(bsn + "@" + version, upload);
        }
    }

    @Override
    public Contribution uninstall(Caller caller, long id) {
        Contribution c = get(caller, id);
        requireAdminister(caller, c.jurisdictionCode());
        Bundle bundle = installed(c.symbolicName());
        if (bundle == null || !bundle.getVersion().toString().equals(c.version())) {
            throw SupervisionException.conflict("贡献包 " + c.symbolicName() + " " + c.version() + " 当前未安装");
        }
        if (processor.isCity(c.symbolicName())) {
            throw SupervisionException.conflict("市级贡献包是平台的第一个租户，不能卸载；请安装新版本替换");
        }
        try {
            bundle.uninstall();
        } catch (BundleException e) {
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

    private void requireAdminister(Caller caller, String jurisdictionCode) {
        if (caller.isSystem()) {
            return;
        }
        try {
            registry.getJurisdiction(caller, jurisdictionCode);
        } catch (SupervisionException e) {
            if (e.status() == 404 && caller.has(cn.supervision.api.security.Role.CITY_ADMIN)) {
                return; // a new development zone the city registers with this bundle
            }
            throw e;
        }
        if (!caller.administers() || caller.unitCode() != null) {
            throw SupervisionException.forbidden("当前用户无权为行政区划 " + jurisdictionCode + " 安装贡献包");
        }
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
