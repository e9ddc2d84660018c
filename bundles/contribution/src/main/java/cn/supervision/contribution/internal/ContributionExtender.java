package cn.supervision.contribution.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.document.TemplateRegistry;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.contribution.internal.model.ContributionEntity;

/**
 * The extender and the contribution service over it: contribution bundles are judged when installed
 * ({@link ContributionTracker}, {@link CodeGate}), taken in when ACTIVE ({@link BundleExtension}), recorded
 * ({@link ContributionLedger}), retired when uninstalled ({@link Retirements}); jars also come and go through the API
 * ({@link Uploads}). Nothing is processed before the city's bundle ({@link CityGate}, the health indicator). This class
 * checks authority ({@link ContributionAuthority}) and delegates. A rejected bundle is stopped; the rest of the platform
 * keeps running.
 *
 * <p>Several nodes on one database: uploaded jars are kept in the database and every node installs and uninstalls them
 * ({@link StoredJars}, {@link Reconciler}); each bundle revision is decided by one node and adopted by the others
 * ({@link ProcessingClaims}). Bundles of the deploy folder and of features are each node's own.
 */
public class ContributionExtender implements ContributionService {
    private static final Logger LOG = LoggerFactory.getLogger(ContributionExtender.class);
    static final int MAX_EVENTS = 500;

    private final ContributionLedger ledger;
    private final ContributionAuthority authority;
    private final CityGate city;
    private final Uploads uploads;
    private final BundleExtension extension;
    private final ContributionTracker tracker;
    private final Reconciler reconciler;
    /** The document service's template registry: validates, installs and retires a contribution's templates/. */
    private final ServiceTracker<TemplateRegistry, TemplateRegistry> templateTracker;
    /** The power-list service: imports a contribution's power-lists/ as the units' current lists. */
    private final ServiceTracker<PowerListService, PowerListService> powerListTracker;

    public ContributionExtender(BundleContext context, JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems,
                                String cityBundle, String cityJurisdiction, String trustCertificates, String demoTrustCertificates,
                                boolean demo) {
        this(context, jpa, Clock.systemUTC(), node(), registry, systems, cityBundle, cityJurisdiction,
                TrustStore.load(certificateFiles(trustCertificates, demo ? demoTrustCertificates : null)));
    }

    ContributionExtender(BundleContext context, JpaTemplate jpa, Clock clock, String node, RegistryService registry,
                         IndicatorSystemService systems, String cityBundle, String cityJurisdiction, TrustStore trust) {
        this.ledger = new ContributionLedger(jpa, clock);
        this.templateTracker = context == null ? null : new ServiceTracker<>(context, TemplateRegistry.class, null);
        this.powerListTracker = context == null ? null : new ServiceTracker<>(context, PowerListService.class, null);
        ContributionProcessor processor = new ContributionProcessor(registry, systems, cityBundle, cityJurisdiction,
                this::templateRegistry, this::powerListService);
        JarInspector inspector = new JarInspector(trust);
        this.authority = new ContributionAuthority(registry, cityJurisdiction);
        this.city = new CityGate(processor::isCity);
        StoredJars jars = new StoredJars(jpa, clock, node);
        LocalJars local = new LocalJars(context == null ? null : context.getDataFile("uploaded-contributions.properties"));
        Retirements retirements = new Retirements(context, ledger, systems, this::templateRegistry, jars, local);
        this.uploads = new Uploads(context, ledger, inspector, authority, city, retirements, jars, local);
        this.extension = new BundleExtension(processor, ledger, uploads, city, new BlueprintReadiness(context), retirements,
                new ProcessingClaims(jpa, clock, node));
        this.reconciler = new Reconciler(context, jars, local, ledger, uploads, extension, retirements);
        this.tracker = new ContributionTracker(context, new CodeGate(inspector), uploads, extension);
        if (trust.isEmpty()) {
            LOG.info("No trusted signing certificate configured: contribution bundles that carry code are refused");
        }
    }

    /** This node among several on one database: its host and Karaf folder (two nodes may share a host). */
    static String node() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String node = host + ":" + System.getProperty("karaf.base", System.getProperty("user.dir"));
        return node.length() <= 200 ? node : node.substring(node.length() - 200);
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
        templateTracker.open();
        powerListTracker.open();
        // the first round runs on the worker before any bundle the tracker hands over: a jar uninstalled on another
        // node while this one was down is gone before it could be processed again
        extension.every(Reconciler.POLL_SECONDS, reconciler::reconcile);
        tracker.open();
    }

    /** Follows the other nodes now (tests; the worker does it every {@value Reconciler#POLL_SECONDS} s). */
    java.util.concurrent.CompletableFuture<Void> reconcile() {
        return extension.onWorker(reconciler::reconcile);
    }

    public void stop() {
        tracker.close();
        templateTracker.close();
        powerListTracker.close();
        extension.close();
    }

    /** Registered as the health indicator: unhealthy until the city's bundle has been processed. */
    public HealthIndicator cityGate() {
        return city;
    }

    private TemplateRegistry templateRegistry() {
        return templateTracker == null ? null : templateTracker.getService();
    }

    private PowerListService powerListService() {
        return powerListTracker == null ? null : powerListTracker.getService();
    }

    @Override
    public void checkUploader(Caller caller, String jurisdictionCode) {
        authority.checkUploader(caller, jurisdictionCode);
    }

    @Override
    public List<Contribution> list(Caller caller) {
        List<ContributionEntity> all = ledger.all().stream().filter(e -> e.getJurisdictionCode() != null).toList();
        return authority.access().filter(caller, Operation.READ_CONTRIBUTIONS, all, e -> Target.of(e.getJurisdictionCode())).stream()
                .map(ContributionLedger::toValue).toList();
    }

    @Override
    public Contribution get(Caller caller, long id) {
        ContributionEntity e = ledger.find(id);
        if (e == null) {
            throw SupervisionException.notFound("贡献包记录 " + id + " 不存在");
        }
        Target target = Target.of(e.getJurisdictionCode() == null ? authority.cityJurisdiction() : e.getJurisdictionCode());
        if (!authority.access().may(caller, Operation.READ_CONTRIBUTIONS, target)) {
            throw Access.denied(Operation.READ_CONTRIBUTIONS, target);
        }
        return ContributionLedger.toValue(e);
    }

    @Override
    public List<ContributionEvent> events(Caller caller, long id) {
        Contribution c = get(caller, id);
        Set<String> known = authority.knownJurisdictions();
        return ledger.events(c.symbolicName()).stream().filter(e -> authority.readable(caller, e, known)).toList();
    }

    @Override
    public List<ContributionEvent> recentEvents(Caller caller, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_EVENTS));
        Set<String> known = authority.knownJurisdictions();
        return ledger.recent(MAX_EVENTS * 4).stream().filter(e -> authority.readable(caller, e, known)).limit(n).toList();
    }

    /** Who may upload what is judged inside {@link Uploads}, where every refusal is also recorded. */
    @Override
    public Contribution upload(Caller caller, byte[] jar) {
        return get(caller, uploads.upload(caller, jar));
    }

    @Override
    public Contribution uninstall(Caller caller, long id) {
        Contribution c = get(caller, id);
        authority.access().require(caller, Operation.INSTALL_CONTRIBUTION, c.jurisdictionCode());
        uploads.uninstall(c, caller, extension::drained);
        return get(caller, id);
    }
}
