package cn.supervision.platform.internal;

import static cn.supervision.platform.internal.PlatformDataServiceTest.CITY;
import static cn.supervision.platform.internal.PlatformDataServiceTest.PARTNER;
import static cn.supervision.platform.internal.PlatformDataServiceTest.UNITS;
import static cn.supervision.platform.internal.PlatformDataServiceTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricAggregation;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.testing.CommitGate;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeCampaignService;

/**
 * A batch retried on the other node, as a client behind the load balancer does after a node died before answering:
 * whether the first attempt committed long ago or is still committing, the retry stores nothing and is answered
 * {@code DUPLICATE} with the first attempt's batch (id, time, sender, row count); the values are stored once.
 */
class BatchRetryTwoNodesTest {
    private static final List<DataRow> ROWS = List.of(new DataRow("hotline.ontime-rate", "CZJ", "2026-07-01", "96.5", null),
            new DataRow("hotline.ontime-rate", "JYJ", "2026-07-01", "88", null));

    private final List<FeedScheduler> schedulers = new ArrayList<>();
    private LocalJpaTemplate jpa;
    private RegistryService registry;

    private JpaPlatformDataService node(JpaTemplate template) {
        Ingestion ingestion = new Ingestion(template, registry);
        FeedScheduler scheduler = new FeedScheduler(template, registry, ingestion, Collections.singletonList(new HttpFeed()));
        schedulers.add(scheduler);
        return new JpaPlatformDataService(template, registry, new FakeCampaignService(), ingestion, scheduler);
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("platform-test", "META-INF/platform-test-persistence.xml");
        registry = new FakeRegistry(FakeRegistry.DONGYING, UNITS);
        node(jpa).saveMetric(CITY, "370500", new Metric(null, "hotline.ontime-rate", "12345热线按期办结率", "%", "hotline",
                MetricAggregation.MEAN, null, null));
    }

    @AfterEach
    void stop() {
        schedulers.forEach(FeedScheduler::stop);
        jpa.close();
    }

    private void assertStoredOnce(BatchReceipt applied) {
        JpaPlatformDataService reader = node(jpa);
        assertEquals(1, reader.batches(CITY, "370500", 10).size());
        long values = jpa.txExpr(em -> em.createQuery("select count(v) from ValueEntity v", Long.class).getSingleResult());
        assertEquals(ROWS.size(), values);
        assertEquals(applied.batchId(), reader.rows(CITY, "370500", "hotline.ontime-rate", 1, null, null, 10).get(0).batchId());
    }

    /** What a replay repeats of the first answer: the batch it names, when and from whom it came, how many rows. */
    private static void assertReplayOf(BatchReceipt applied, BatchReceipt replay) {
        assertEquals(BatchStatus.APPLIED, applied.status());
        assertEquals(BatchStatus.DUPLICATE, replay.status(), replay.toString());
        assertEquals(applied.clientBatchId(), replay.clientBatchId());
        assertEquals(applied.batchId(), replay.batchId());
        assertEquals(applied.receivedAt().toEpochMilli(), replay.receivedAt().toEpochMilli());
        assertEquals(applied.receivedBy(), replay.receivedBy());
        assertEquals(applied.rows(), replay.rows());
        assertTrue(replay.rejected().isEmpty());
    }

    @Test
    void aRetryOnTheOtherNodeIsAnsweredWithTheFirstBatch() {
        JpaPlatformDataService a = node(jpa);
        JpaPlatformDataService b = node(jpa);
        BatchReceipt applied = a.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", ROWS);
        assertReplayOf(applied, b.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", ROWS));
        String csv = "metric,unit,date,value\nhotline.ontime-rate,CZJ,2026-07-01,96.5\nhotline.ontime-rate,JYJ,2026-07-01,88\n";
        assertReplayOf(applied, b.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", "csv", text(csv)));
        assertStoredOnce(applied);
    }

    @Test
    void aRetryWhileTheFirstAttemptIsCommittingOnTheOtherNodeIsAnsweredWithIt() throws Exception {
        CommitGate gate = new CommitGate(jpa);
        JpaPlatformDataService a = node(gate);
        JpaPlatformDataService b = node(jpa);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            gate.holdNext();
            Future<BatchReceipt> first = pool.submit(() -> a.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", ROWS));
            gate.awaitHeld();
            // node A has written the batch and its values and not committed: node B's retry waits on the batch id
            // (Derby: its replay read waits for A's row; PostgreSQL: its insert waits on the unique batch id)
            Future<BatchReceipt> retry = pool.submit(() -> b.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", ROWS));
            boolean waited = jpa.database().awaitLockWait("SV_PD_BATCH", Duration.ofSeconds(10));
            assertTrue(waited && !retry.isDone(), "the retry did not wait for the first attempt: " + (retry.isDone() ? retry.get() : ""));
            gate.open();
            BatchReceipt applied = first.get(30, TimeUnit.SECONDS);
            assertReplayOf(applied, retry.get(30, TimeUnit.SECONDS));
            assertStoredOnce(applied);
        } finally {
            gate.open();
            pool.shutdown();
        }
    }
}
