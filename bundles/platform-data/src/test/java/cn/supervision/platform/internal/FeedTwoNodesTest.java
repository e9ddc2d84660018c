package cn.supervision.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.PlatformFeed;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * Two nodes (two schedulers with the same feed configuration, each on its own EntityManagerFactory, one clock) on one
 * database: each slot is pulled by one node, and a slot run whose node died is taken over and finished by the other.
 */
class FeedTwoNodesTest {
    /** The 1st of December, 02:00 in Shanghai: a slot of the feed (days 1 and 15 at 02:00). */
    static final Instant SLOT = Instant.parse("2026-11-30T18:00:00Z");

    private LocalJpaTemplate jpa;
    private LocalJpaTemplate second;
    private RegistryService registry;
    private final MutableClock clock = new MutableClock(SLOT.minusSeconds(60));
    private final List<String> ingested = new CopyOnWriteArrayList<>();
    private final List<FeedScheduler> schedulers = new ArrayList<>();

    /** A partner system whose export differs on every fetch (it carries the time it was made); a fetch may be held. */
    final class Partner implements PlatformFeed {
        final AtomicInteger fetches = new AtomicInteger();
        final CountDownLatch fetching = new CountDownLatch(1);
        volatile CountDownLatch hold;
        volatile boolean heldFails;

        @Override
        public String type() {
            return "partner";
        }

        @Override
        public Fetched fetch(FeedDefinition d, int timeoutMillis) throws IOException {
            int n = fetches.incrementAndGet();
            fetching.countDown();
            CountDownLatch h = hold;
            if (h != null && n == 1) {
                try {
                    h.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (heldFails) {
                    throw new IOException("connection reset"); // as if the node had died mid-fetch: nothing ingested
                }
            }
            return new Fetched(new ByteArrayInputStream(("generated " + n).getBytes(StandardCharsets.UTF_8)), null);
        }
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("platform-test", "META-INF/platform-test-persistence.xml");
        second = jpa.secondNode();
        registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
    }

    @AfterEach
    void stop() {
        schedulers.forEach(FeedScheduler::stop);
        second.close();
        jpa.close();
    }

    /** A node with the feed configured; ingestion records the batch ids it is given and applies them. */
    private FeedScheduler node(String name, Partner partner) {
        LocalJpaTemplate template = name.equals("node-a") ? jpa : second;
        JpaTemplate inTx = template.jdbcInTransaction();
        Ingestion ingestion = new Ingestion(inTx, registry) {
            @Override
            BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                                String format, InputStream content) {
                ingested.add(clientBatchId);
                return new BatchReceipt(clientBatchId, 1L, BatchStatus.APPLIED, 1, 1, 0, List.of(), Instant.EPOCH, "feed");
            }
        };
        FeedScheduler s = new FeedScheduler(inTx, registry, ingestion, List.of(partner), clock, name);
        schedulers.add(s);
        Hashtable<String, Object> config = PlatformDataServiceTest.feedConfig("http://partner.example.cn/export", null);
        config.put("type", "partner");
        config.put("retries", "2");
        // longer than a held fetch waits: a fetch timing out under a slow build would retry and count as another pull
        config.put("timeoutSeconds", "30");
        s.configured("cfg-" + name, config);
        return s;
    }

    /**
     * Waits until the run each node started last (if any) has ended, retries included, with an outcome or failing.
     */
    private static void awaitRunsEnded(FeedScheduler... nodes) throws Exception {
        for (FeedScheduler node : nodes) {
            Optional<CompletableFuture<FeedRun>> run = node.lastRunStarted("hotline");
            if (run.isPresent()) {
                run.get().handle((r, e) -> null).get(20, TimeUnit.SECONDS);
            }
        }
    }

    private List<FeedRun> awaitFinished(FeedScheduler... nodes) throws Exception {
        awaitRunsEnded(nodes);
        List<FeedRun> runs = nodes[0].runs("hotline", 10);
        assertTrue(!runs.isEmpty() && runs.stream().noneMatch(r -> r.outcome() == FeedRun.Outcome.RUNNING), "no finished run: " + runs);
        return runs;
    }

    @Test
    void eachSlotIsPulledByOneNode() throws Exception {
        Partner partner = new Partner();
        FeedScheduler a = node("node-a", partner);
        FeedScheduler b = node("node-b", partner);
        CountDownLatch hold = new CountDownLatch(1);
        partner.hold = hold;
        clock.set(SLOT.plusSeconds(5));
        a.tick();
        assertTrue(partner.fetching.await(10, TimeUnit.SECONDS), "node A pulls");
        // node B's timer fires the same slot while A pulls: before, B pulled too, and its export (made a moment later,
        // so different) became a second batch
        b.tick();
        hold.countDown();
        List<FeedRun> runs = awaitFinished(a, b);
        assertEquals(1, partner.fetches.get(), "pulled once");
        assertEquals(1, runs.size());
        assertEquals(FeedRun.Outcome.SUCCEEDED, runs.get(0).outcome());
        assertEquals(1, ingested.size());

        clock.advance(Duration.ofSeconds(30));
        a.tick();
        b.tick();
        assertEquals(1, partner.fetches.get(), "the slot is done on both nodes");
        // a restart of node B after the slot: nothing to make up
        node("node-b", partner);
        assertEquals(1, partner.fetches.get());
    }

    @Test
    void aSlotMissedWhileBothWereDownIsMadeUpOnce() throws Exception {
        Partner partner = new Partner();
        FeedScheduler a = node("node-a", partner);
        a.runNow(a.definition("hotline")); // a run before the outage: the feed has history
        assertEquals(1, partner.fetches.get());
        schedulers.forEach(FeedScheduler::stop);
        clock.set(SLOT.plus(Duration.ofHours(7))); // both nodes start again at 09:00 on the 1st
        FeedScheduler a2 = node("node-a", partner);
        FeedScheduler b2 = node("node-b", partner);
        awaitRunsEnded(a2, b2);
        long unfinished = jpa.txExpr(em -> em.createQuery("select count(r) from FeedRunEntity r where r.outcome = 'RUNNING'", Long.class)
                .getSingleResult());
        assertEquals(0, unfinished);
        assertEquals(2, partner.fetches.get(), "the missed slot pulled once between the two nodes");
    }

    @Test
    void aSlotRunWhoseNodeDiedIsTakenOverAfterTheLease() throws Exception {
        Partner partner = new Partner();
        FeedScheduler a = node("node-a", partner);
        FeedScheduler b = node("node-b", partner);
        CountDownLatch hold = new CountDownLatch(1);
        partner.hold = hold;
        partner.heldFails = true;
        clock.set(SLOT.plusSeconds(5));
        a.tick();
        assertTrue(partner.fetching.await(10, TimeUnit.SECONDS));
        b.tick();
        // node A dies mid-fetch: its lease is renewed no more
        clock.advance(FeedRuns.LEASE.minusSeconds(10));
        b.tick();
        assertEquals(1, partner.fetches.get(), "within node A's lease");
        clock.advance(Duration.ofSeconds(20));
        b.tick();
        List<FeedRun> runs = awaitFinished(b);
        assertEquals(2, partner.fetches.get(), "node B pulled the slot");
        assertEquals(1, runs.size(), "in the same run");
        assertEquals(FeedRun.Outcome.SUCCEEDED, runs.get(0).outcome());
        assertEquals(1, runs.get(0).attempts());
        assertEquals("node-b", jpa.txExpr(em -> em.createQuery("select r.node from FeedRunEntity r", String.class).getSingleResult()));

        // the dead node's fetch, cut off, must not put its failure on the run node B finished, nor retry it
        hold.countDown();
        awaitRunsEnded(a);
        List<FeedRun> after = b.runs("hotline", 10);
        assertEquals(FeedRun.Outcome.SUCCEEDED, after.get(0).outcome());
        assertEquals(2, partner.fetches.get());
        assertEquals(1, ingested.size());
        assertNotNull(after.get(0).finishedAt());
    }
}
