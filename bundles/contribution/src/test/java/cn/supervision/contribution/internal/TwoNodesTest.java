package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.contribution.internal.model.ContributionClaimEntity;
import cn.supervision.testing.AbstractJpaTemplate;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeIndicatorSystemService;
import cn.supervision.testing.fakes.FakeRegistryService;

/**
 * Two nodes on one database: two OSGi frameworks (each its own bundle cache), two extenders, one ledger. The registry
 * and the indicator service stand for what the shared database holds and count what is written into them.
 */
class TwoNodesTest {
    static final String CITY = "cn.supervision.city.test";
    static final String COUNTY = "cn.supervision.county.lijin";
    static final Caller CITY_ADMIN = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    @TempDir
    Path dir;
    final LocalJpaTemplate jpa = new LocalJpaTemplate("contribution-test", "META-INF/contribution-test-persistence.xml");
    final AtomicInteger unitImports = new AtomicInteger();
    final AtomicInteger retirements = new AtomicInteger();
    /**
     * When set, the first application of units waits (at most 20 s) until the other node has come to the same bundle:
     * it read the processing claim the first node holds ({@link ClaimWatch}) or, with no claim keeping it out, applies
     * the units too. So the two nodes' processing overlaps for certain, however the machine schedules them.
     */
    volatile CountDownLatch otherNodeArrived;
    /** Whether the held application of units saw the other node arrive (not giving up after 20 s). */
    volatile boolean overlapped;
    final List<Node> nodes = new ArrayList<>();

    final FakeRegistryService registry = new FakeRegistryService() {
        final Access access = new FakeRegistry(FakeRegistry.DONGYING, List.of()).access();

        @Override
        public Access access() {
            return access;
        }

        @Override
        public List<Jurisdiction> listJurisdictions(Caller caller) {
            return FakeRegistry.DONGYING;
        }

        @Override
        public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction jurisdiction) {
            return jurisdiction; // already registered as described: idempotent
        }

        @Override
        public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
            int n = unitImports.incrementAndGet();
            CountDownLatch arrived = otherNodeArrived;
            if (arrived != null && n == 1) {
                try {
                    overlapped = arrived.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (arrived != null) {
                arrived.countDown();
            }
            return new ImportResult(jurisdictionCode, List.of(), List.of(), List.of());
        }
    };

    final FakeIndicatorSystemService systems = new FakeIndicatorSystemService() {
        @Override
        public int retireLineages(Caller caller, String lineagePrefix, String reason) {
            retirements.incrementAndGet();
            return 0;
        }
    };

    /** One node: its framework (bundle cache under dir/name) and its extender. */
    final class Node {
        final String name;
        /** The database as this node sees it (the shared one, or a gate over it). */
        final JpaTemplate db;
        Felix framework;
        ContributionExtender extender;

        Node(String name) {
            this(name, jpa);
        }

        Node(String name, JpaTemplate db) {
            this.name = name;
            this.db = db;
            nodes.add(this);
        }

        Node boot(boolean withCity) throws Exception {
            // Karaf runs at start level 100; uploads are installed at Channel.START_LEVEL
            framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve(name).toString(),
                    Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "100"));
            framework.start();
            if (withCity && framework.getBundleContext().getBundle("mvn:test/city/1") == null) {
                framework.getBundleContext().installBundle("mvn:test/city/1", new ByteArrayInputStream(cityJar())).start();
            }
            extender = new ContributionExtender(framework.getBundleContext(), db, Clock.systemUTC(), name, registry, systems, CITY,
                    "370500", TrustStore.empty());
            return this;
        }

        Node start() {
            extender.start();
            return this;
        }

        void awaitReady() {
            await(() -> extender.cityGate().problem() == null, name + " opens its city gate");
            settle();
        }

        /** Lets what the worker was handed run (reconciliation, processing, retirement). */
        void settle() {
            for (int i = 0; i < 3; i++) {
                extender.reconcile().join();
            }
        }

        Bundle uploaded(String bsn) {
            return framework.getBundleContext().getBundle(Channel.UPLOAD_LOCATION + bsn);
        }

        void shutdown() throws Exception {
            if (extender != null) {
                extender.stop();
                extender = null;
            }
            if (framework != null) {
                framework.stop();
                framework.waitForStop(10_000);
                framework = null;
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Node n : nodes) {
            n.shutdown();
        }
        jpa.close();
    }

    static byte[] cityJar() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("SUPERVISION-INF/jurisdiction.json", utf8("{\"jurisdiction\":{\"code\":\"370500\",\"name\":\"东营市\",\"kind\":\"CITY\","
                + "\"parentCode\":null,\"localCode\":false}}"));
        entries.put("SUPERVISION-INF/units/city.json", utf8("{\"jurisdictionCode\":\"370500\",\"units\":[{\"code\":\"C1\",\"name\":\"市某局\","
                + "\"kind\":\"OTHER\"}]}"));
        return TestJars.jar(Map.of("Bundle-SymbolicName", CITY, "Supervision-Jurisdiction", "370500"), entries);
    }

    static byte[] countyJar(String version) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("SUPERVISION-INF/jurisdiction.json", utf8("{\"jurisdiction\":{\"code\":\"370522\",\"name\":\"利津县\",\"kind\":\"COUNTY\","
                + "\"parentCode\":\"370500\",\"localCode\":false}}"));
        entries.put("SUPERVISION-INF/units/lijin.json", utf8("{\"jurisdictionCode\":\"370522\",\"units\":[{\"code\":\"L1\",\"name\":\"利津县某局\","
                + "\"kind\":\"OTHER\"}]}"));
        return TestJars.jar(Map.of("Bundle-SymbolicName", COUNTY, "Bundle-Version", version, "Supervision-Jurisdiction", "370522"), entries);
    }

    private List<ContributionEventType> events(String bsn) {
        return new ContributionLedger(jpa, Clock.systemUTC()).events(bsn).stream().map(ContributionEvent::type).toList();
    }

    @Test
    void bothNodesStartingWithTheSameBundleDecideItOnceAndBothServeIt() throws Exception {
        otherNodeArrived = new CountDownLatch(1);
        Node a = new Node("a", new ClaimWatch("a")).boot(true);
        Node b = new Node("b", new ClaimWatch("b")).boot(true);
        CompletableFuture.allOf(CompletableFuture.runAsync(a::start), CompletableFuture.runAsync(b::start)).join();
        a.awaitReady();
        b.awaitReady();
        assertTrue(overlapped, "the other node came to the city's bundle while the first applied its units");

        assertEquals(List.of(ContributionEventType.INSTALLED), events(CITY), "one decision, one event");
        assertEquals(1, unitImports.get(), "the units are applied by one node; the other takes the bundle in without them");
        List<Contribution> records = a.extender.list(CITY_ADMIN);
        assertEquals(1, records.size());
        assertEquals(ContributionState.ACTIVE, records.get(0).state());
    }

    @Test
    void anUploadToOneNodeIsInstalledOnTheOtherAndItsUninstallStaysUninstalledWhenTheOtherRestarts() throws Exception {
        Node a = new Node("a").boot(true).start();
        Node b = new Node("b").boot(true).start();
        a.awaitReady();
        b.awaitReady();
        int importsBefore = unitImports.get();

        Contribution up = a.extender.upload(CITY_ADMIN, countyJar("1.0.0"));
        assertEquals(ContributionState.ACTIVE, up.state(), up.reasons().toString());
        b.settle();
        Bundle onB = b.uploaded(COUNTY);
        assertNotNull(onB, "node b installed the jar uploaded to node a");
        await(() -> onB.getState() == Bundle.ACTIVE, "b serves it");
        assertEquals(Channel.START_LEVEL, a.uploaded(COUNTY).adapt(BundleStartLevel.class).getStartLevel(),
                "an upload starts after the platform's bundles (85) on a restart, its extender and code gate first");
        assertEquals(Channel.START_LEVEL, onB.adapt(BundleStartLevel.class).getStartLevel(), "on every node");
        b.settle();
        assertEquals(List.of(ContributionEventType.INSTALLED), events(COUNTY), "b adopted a's decision");
        assertEquals(importsBefore + 1, unitImports.get(), "the county's units were applied once");

        // an update on a reaches b as well
        Contribution v2 = a.extender.upload(CITY_ADMIN, countyJar("1.1.0"));
        assertEquals(ContributionState.ACTIVE, v2.state(), v2.reasons().toString());
        b.settle();
        await(() -> "1.1.0".equals(b.uploaded(COUNTY).getVersion().toString()) && b.uploaded(COUNTY).getState() == Bundle.ACTIVE,
                "b runs the update");
        b.settle();
        assertEquals(List.of(ContributionEventType.INSTALLED, ContributionEventType.UPDATED), events(COUNTY));

        // b is down while a uninstalls it; b comes back with the jar still in its bundle cache
        b.shutdown();
        a.extender.uninstall(CITY_ADMIN, v2.id());
        assertNull(a.uploaded(COUNTY));
        assertEquals(1, retirements.get(), "a retired the county's systems");
        b.boot(false).start();
        b.awaitReady();
        assertNull(b.uploaded(COUNTY), "b uninstalled it at start instead of taking it in again");
        assertEquals(List.of(ContributionEventType.INSTALLED, ContributionEventType.UPDATED, ContributionEventType.UNINSTALLED),
                events(COUNTY), "b's uninstall, following a's, recorded nothing");
        assertEquals(1, retirements.get());
        assertTrue(a.extender.list(CITY_ADMIN).stream().filter(c -> c.symbolicName().equals(COUNTY))
                .allMatch(c -> c.state() != ContributionState.ACTIVE), "nothing of the county is ACTIVE again");
    }

    @Test
    void anUninstallOnOneNodeIsFollowedByTheRunningOther() throws Exception {
        Node a = new Node("a").boot(true).start();
        Node b = new Node("b").boot(true).start();
        a.awaitReady();
        b.awaitReady();
        Contribution up = a.extender.upload(CITY_ADMIN, countyJar("1.0.0"));
        b.settle();
        assertNotNull(b.uploaded(COUNTY));
        // uninstalled through b this time (HAProxy sends the request anywhere)
        b.extender.uninstall(CITY_ADMIN, up.id());
        a.settle();
        assertNull(a.uploaded(COUNTY), "a followed b's uninstall");
        assertNull(b.uploaded(COUNTY));
        assertEquals(List.of(ContributionEventType.INSTALLED, ContributionEventType.UNINSTALLED), events(COUNTY));
        assertEquals(1, retirements.get());
    }

    @Test
    void anUninstallIsNotUndoneByAReconcileRoundThatReadTheStoredJarsBefore() throws Exception {
        ReadGate gate = new ReadGate(jpa);
        Node a = new Node("a", gate).boot(true).start();
        a.awaitReady();
        Contribution up = a.extender.upload(CITY_ADMIN, countyJar("1.0.0"));
        assertEquals(ContributionState.ACTIVE, up.state(), up.reasons().toString());
        a.settle();
        CountDownLatch gone = new CountDownLatch(1);
        a.framework.getBundleContext().addBundleListener((SynchronousBundleListener) e -> {
            if (e.getType() == BundleEvent.UNINSTALLED && COUNTY.equals(e.getBundle().getSymbolicName())) {
                gone.countDown();
            }
        });

        // a round (this one or the periodic one) has read that the county is to be installed, and stops there
        gate.holdNextRead();
        CompletableFuture<Void> round = a.extender.reconcile();
        gate.awaitHeld();
        CompletableFuture<Contribution> uninstall = CompletableFuture.supplyAsync(() -> a.extender.uninstall(CITY_ADMIN, up.id()));
        assertTrue(gone.await(30, TimeUnit.SECONDS), "the REST uninstall took the bundle out of the framework");
        gate.open(); // the round goes on with what it read: before, it installed the stored jar again under a new id
        round.get(30, TimeUnit.SECONDS);
        Contribution after = uninstall.get(90, TimeUnit.SECONDS);

        assertNull(a.uploaded(COUNTY), "the round did not install the uninstalled jar again");
        assertEquals(ContributionState.UNINSTALLED, after.state(), "the record is uninstalled (before: ACTIVE, as another"
                + " bundle of the name was there when the retirement ran)");
        assertEquals(1, retirements.get(), "the county's systems were retired");
        a.settle();
        assertNull(a.uploaded(COUNTY));
        assertEquals(List.of(ContributionEventType.INSTALLED, ContributionEventType.UNINSTALLED), events(COUNTY));
    }

    /**
     * The shared database as node {@code node} sees it: a read of a processing claim that another node holds (the
     * claim's state or its claiming, both a find whose entity the transaction returns) means this node has come to a
     * revision being decided elsewhere, and lets the held application of units go on.
     */
    final class ClaimWatch extends AbstractJpaTemplate {
        private final String node;

        ClaimWatch(String node) {
            this.node = node;
        }

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            R r = jpa.txExpr(type, code);
            CountDownLatch arrived = otherNodeArrived;
            if (arrived != null && r instanceof ContributionClaimEntity c && c.getLeaseUntil() != 0 && !node.equals(c.getNode())) {
                arrived.countDown();
            }
            return r;
        }
    }

    /**
     * The node's next read outside a write transaction on the extender's worker (a reconcile round's first: the stored
     * jars) waits, once it has its answer, until the test opens the gate.
     */
    static final class ReadGate extends AbstractJpaTemplate {
        private final JpaTemplate target;
        private volatile CountDownLatch reached;
        private volatile CountDownLatch open;
        private final AtomicBoolean armed = new AtomicBoolean();

        ReadGate(JpaTemplate target) {
            this.target = target;
        }

        void holdNextRead() {
            reached = new CountDownLatch(1);
            open = new CountDownLatch(1);
            armed.set(true);
        }

        void awaitHeld() throws InterruptedException {
            assertTrue(reached.await(30, TimeUnit.SECONDS), "a reconcile round read the stored jars");
        }

        void open() {
            open.countDown();
        }

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            R r = target.txExpr(type, code);
            if (type == TransactionType.Supports && Thread.currentThread().getName().equals("supervision-contributions")
                    && armed.compareAndSet(true, false)) {
                reached.countDown();
                try {
                    if (!open.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the read gate was not opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return r;
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
