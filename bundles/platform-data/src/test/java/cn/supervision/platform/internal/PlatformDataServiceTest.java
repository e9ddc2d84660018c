package cn.supervision.platform.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.sun.net.httpserver.HttpServer;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.CampaignFeedResult;
import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricAggregation;
import cn.supervision.api.platform.MetricBinding;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.SourceMapping;
import cn.supervision.api.platform.StoredRow;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeCampaignService;

class PlatformDataServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller PARTNER = new Caller("hotline-system", Set.of(Role.PARTNER_SYSTEM), "370500", null);
    static final Caller UNIT = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final List<Unit> UNITS = List.of(unit(1, "CZJ", "市财政局"), unit(2, "JYJ", "市教育局"), unit(3, "GAJ", "市公安局"));

    private LocalJpaTemplate jpa;
    private JpaPlatformDataService data;
    private FeedScheduler scheduler;
    /** Per batch sent, in turn: indexes of drafts the fake campaign refuses, with the kind; none left: it accepts. */
    private final java.util.ArrayDeque<Map<Integer, ProblemKind>> refusals = new java.util.ArrayDeque<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final List<Object[]> recorded = new ArrayList<>();

    static Unit unit(long id, String code, String name) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    /** A collecting campaign 7 that records batches, refusing as {@link #refusals} says; its own recordAccepted retries. */
    private CampaignService campaigns() {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller c, long id) {
                return new Campaign(7, "370500", CampaignKind.ROUTINE, "常规", null, new Period(Period.PeriodType.QUARTER, 2026, 3),
                        Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), EnumSet.allOf(Category.class), null, null, List.of(1L, 2L, 3L),
                        List.of(), CampaignState.COLLECTING, null, Instant.EPOCH, "t", Instant.EPOCH, "t");
            }

            @Override
            public InputBatch recordInputs(Caller c, long campaignId, List<InputDraft> drafts) {
                batchSizes.add(drafts.size());
                Map<Integer, ProblemKind> refuse = refusals.poll();
                if (refuse != null) {
                    List<InputBatch.Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < drafts.size(); i++) {
                        ProblemKind kind = refuse.get(i);
                        outcomes.add(new InputBatch.Outcome(i, null, kind, kind == null ? null : "单位 " + drafts.get(i).unitId() + " 不在本活动中"));
                    }
                    return new InputBatch(false, outcomes);
                }
                List<InputBatch.Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < drafts.size(); i++) {
                    InputDraft d = drafts.get(i);
                    // kept in the shape of one recordInput call, so the assertions read what each input carried
                    recorded.add(new Object[] {c, campaignId, d.unitId(), d.code(), d.input(), d.source(), d.explanation()});
                    outcomes.add(new InputBatch.Outcome(i, new InputRecord(recorded.size(), 7, d.unitId(), d.code(), d.input(), d.source(),
                            d.explanation(), c.username(), Instant.EPOCH, ReviewStatus.ACCEPTED, null, null), null, null));
                }
                return new InputBatch(true, outcomes);
            }
        };
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("platform-test", "META-INF/platform-test-persistence.xml");
        RegistryService registry = new FakeRegistry(FakeRegistry.DONGYING, UNITS);
        Ingestion ingestion = new Ingestion(jpa, registry);
        scheduler = new FeedScheduler(jpa, registry, ingestion, Collections.singletonList(new HttpFeed()));
        data = new JpaPlatformDataService(jpa, registry, campaigns(), ingestion, scheduler);
        data.saveMetric(CITY, "370500", new Metric(null, "hotline.ontime-rate", "12345热线按期办结率", "%", "hotline", MetricAggregation.MEAN, null, null));
        data.saveMetric(CITY, "370500", new Metric(null, "review.bad", "政务服务差评件数", "件", "haocha", MetricAggregation.SUM, null, null));
        data.saveMappings(CITY, "370500", List.of(new SourceMapping(null, "hotline", "东营市财政局", 1, null),
                new SourceMapping(null, "hotline", "东营市教育局", 2, null)));
    }

    @AfterEach
    void stop() {
        scheduler.stop();
        jpa.close();
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage() + " " + e.errors());
        return e;
    }

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBatchIsAppliedWholeOrNotAtAllAndOnlyOnce() {
        List<DataRow> rows = List.of(new DataRow("hotline.ontime-rate", "东营市财政局", "2026-07-01", "96.5", null),
                new DataRow("hotline.ontime-rate", "JYJ", "2026/7/1", "88%", null),
                new DataRow("hotline.ontime-rate", "东营市公安局", "2026-07-01", "90", null),
                new DataRow("nope", "CZJ", "2026-13-01", "abc", null),
                new DataRow("hotline.ontime-rate", "东营市财政局", "2026-07-01", "97", null));
        BatchReceipt rejected = data.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", rows);
        assertEquals(BatchStatus.REJECTED, rejected.status());
        assertEquals(2, rejected.accepted());
        assertNull(rejected.batchId());
        assertEquals(List.of("3:unit", "4:metric", "4:date", "4:value", "5:row"),
                rejected.rejected().stream().map(e -> e.line() + ":" + e.field()).toList());
        assertTrue(rejected.rejected().get(0).message().contains("映射"), "unmapped names are reported, not guessed");
        assertTrue(data.batches(CITY, "370500", 10).isEmpty(), "nothing of a rejected batch is stored");

        BatchReceipt applied = data.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", rows.subList(0, 2));
        assertEquals(BatchStatus.APPLIED, applied.status(), "a rejected batch id can be sent again once fixed");
        assertEquals(2, applied.accepted());
        BatchReceipt again = data.ingest(PARTNER, "370500", "hotline", "2026-07-a", "REST", rows.subList(0, 1));
        assertEquals(BatchStatus.DUPLICATE, again.status());
        assertEquals(applied.batchId(), again.batchId());
        assertEquals(1, data.batches(CITY, "370500", 10).size());
        assertEquals("hotline-system", data.batch(CITY, "370500", "2026-07-a").receivedBy());

        refused(ProblemKind.FORBIDDEN, () -> data.ingest(LIJIN, "370500", "hotline", "x", "REST", rows));
        refused(ProblemKind.FORBIDDEN, () -> data.ingest(UNIT, "370500", "hotline", "x", "REST", rows));
        refused(ProblemKind.INVALID, () -> data.ingest(PARTNER, "370500", "hotline", "bad id with spaces", "REST", rows));
        refused(ProblemKind.FORBIDDEN, () -> data.saveMetric(PARTNER, "370500", new Metric(null, "x", "x", null, "s", MetricAggregation.SUM, null, null)));
    }

    @Test
    void laterBatchesSupersedeAndEveryValueKeepsItsBatch() {
        data.ingest(CITY, "370500", "hotline", "b1", "REST", List.of(new DataRow("hotline.ontime-rate", "CZJ", "2026-07-01", "90", null),
                new DataRow("hotline.ontime-rate", "CZJ", "2026-08-01", "100", null), new DataRow("hotline.ontime-rate", "JYJ", "2026-08", "80", null)));
        BatchReceipt b2 = data.ingest(CITY, "370500", "hotline", "b2", "REST",
                List.of(new DataRow("hotline.ontime-rate", "CZJ", "20260701", "94", null)));
        assertEquals(1, b2.superseded());
        List<StoredRow> czj = data.rows(CITY, "370500", "hotline.ontime-rate", 1, null, null, 10);
        assertEquals(List.of(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 7, 1)), czj.stream().map(StoredRow::date).toList());
        assertEquals(new BigDecimal("94"), czj.get(1).value());
        assertEquals(b2.batchId(), czj.get(1).batchId());

        List<Aggregate> q3 = data.aggregate(CITY, "370500", "hotline.ontime-rate", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
        assertEquals(2, q3.size());
        assertEquals(new BigDecimal("97"), q3.get(0).value(), "mean of 94 and 100");
        assertEquals(2, q3.get(0).batchIds().size());
        assertEquals(new BigDecimal("80"), q3.get(1).value());
        refused(ProblemKind.NOT_FOUND, () -> data.aggregate(CITY, "370500", "nope", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        refused(ProblemKind.FORBIDDEN, () -> data.aggregate(UNIT, "370500", "hotline.ontime-rate", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
    }

    @Test
    void csvAndJsonDocumentsStreamWithARowLimit() {
        String csv = "\uFEFF指标,单位,日期,数值,工单号\nreview.bad,CZJ,2026-07-03,1,GD001\nreview.bad,CZJ,2026-07-03,1,\"GD,002\"\n\n"
                + "review.bad,JYJ,2026-09-30,1,GD003\nreview.bad,JYJ,2026-10-01,1,GD004\n";
        BatchReceipt r = data.ingest(PARTNER, "370500", "haocha", "csv-1", "REST", "csv", text(csv));
        assertEquals(BatchStatus.APPLIED, r.status(), r.toString());
        assertEquals(4, r.accepted());
        assertEquals("GD,002", data.rows(CITY, "370500", "review.bad", 1, null, null, 10).get(0).recordId());
        String json = "[{\"metric\":\"review.bad\",\"unit\":\"GAJ\",\"date\":\"2026-08-02T10:00:00\",\"value\":2,\"extra\":{\"a\":1}}]";
        assertEquals(BatchStatus.APPLIED, data.ingest(PARTNER, "370500", "haocha", "json-1", "REST", "json", text(json)).status());
        refused(ProblemKind.INVALID, () -> data.ingest(PARTNER, "370500", "haocha", "json-2", "REST", "json", text("{\"rows\":[]}")));
        refused(ProblemKind.INVALID, () -> data.ingest(PARTNER, "370500", "haocha", "csv-2", "REST", "csv", text("a,b\n1,2\n")));
        refused(ProblemKind.UNSUPPORTED_TYPE, () -> data.ingest(PARTNER, "370500", "haocha", "x-1", "REST", "xml", text("<a/>")));

        // one row over the limit is refused as soon as it is read, whatever follows
        InputStream header = text("metric,unit,date,value\n");
        InputStream body = new InputStream() {
            final byte[] line = "review.bad,CZJ,2026-07-03,1\n".getBytes(StandardCharsets.UTF_8);
            long served;

            @Override
            public int read() {
                if (served >= (long) line.length * (PlatformDataService.MAX_ROWS + 10)) {
                    return -1;
                }
                return line[(int) (served++ % line.length)];
            }
        };
        refused(ProblemKind.TOO_LARGE, () -> data.ingest(PARTNER, "370500", "haocha", "big-1", "REST", "csv", new SequenceInputStream(header, body)));
        assertEquals(2, data.batches(CITY, "370500", 10).size());
        assertEquals(BatchStatus.DUPLICATE, data.ingest(PARTNER, "370500", "haocha", "csv-1", "REST", "csv", text("garbage")).status(),
                "a replay is answered before its body is read");
    }

    @Test
    void campaignsGetThePeriodsAggregatesWithTheBatchesTheyRestOn() {
        data.ingest(PARTNER, "370500", "hotline", "h1", "REST", List.of(new DataRow("hotline.ontime-rate", "CZJ", "2026-07-01", "90", null),
                new DataRow("hotline.ontime-rate", "CZJ", "2026-09-01", "96", null), new DataRow("hotline.ontime-rate", "CZJ", "2026-10-01", "10", null)));
        long h2 = data.ingest(PARTNER, "370500", "haocha", "h2", "REST", List.of(new DataRow("review.bad", "CZJ", "2026-08-01", "3", "a"),
                new DataRow("review.bad", "JYJ", "2026-08-01", "1.5", null))).batchId();
        CampaignFeedResult r = data.applyToCampaign(CITY, 7, List.of(new MetricBinding("hotline.ontime-rate", "C3.1", false),
                new MetricBinding("review.bad", "C3.3", true)));
        assertEquals(2, r.recorded().size(), r.toString());
        CampaignFeedResult.Recorded rate = r.recorded().get(0);
        assertEquals(new BigDecimal("93"), rate.value(), "Q3 only: the October row is outside the campaign's period");
        assertEquals(2, rate.rows());
        Object[] call = recorded.get(0);
        assertEquals(InputSource.PLATFORM_DATA, call[5]);
        assertEquals(new BigDecimal("93"), ((IndicatorInput) call[4]).value());
        assertTrue(((String) call[6]).contains("2026-07-01 至 2026-09-30 共 2 行") && ((String) call[6]).contains("平均值"), (String) call[6]);
        assertEquals(3, ((IndicatorInput) recorded.get(1)[4]).occurrences());
        assertTrue(((IndicatorInput) recorded.get(1)[4]).source().contains("batches=[" + h2 + "]"));
        assertTrue(r.missing().stream().anyMatch(m -> m.unitId() == 2 && m.reason().contains("不是非负整数")), r.missing().toString());
        assertTrue(r.missing().stream().anyMatch(m -> m.unitId() == 3 && m.metricCode().equals("hotline.ontime-rate")));
        assertEquals(List.of(2), batchSizes, "every input of one application goes to the campaign in one batch");
        refused(ProblemKind.INVALID, () -> data.applyToCampaign(CITY, 7, List.of(new MetricBinding("nope", "C3.1", false))));
        refused(ProblemKind.FORBIDDEN, () -> data.applyToCampaign(PARTNER, 7, List.of(new MetricBinding("review.bad", "C3.3", true))));
    }

    static Hashtable<String, Object> feedConfig(String location, String extra) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", "hotline");
        p.put("jurisdiction", "370500");
        p.put("sourceSystem", "hotline");
        p.put("location", location);
        p.put("format", "csv");
        p.put("daysOfMonth", "1,15");
        p.put("time", "02:00");
        p.put("timeoutSeconds", "1");
        p.put("retries", "2");
        p.put("retryDelaySeconds", "0");
        if (extra != null) {
            p.put(extra.split("=")[0], extra.split("=")[1]);
        }
        return p;
    }

    @Test
    void theHttpFeedRetriesTimesOutAndKeepsItsRunHistory() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/export.csv", exchange -> {
            int n = calls.incrementAndGet();
            byte[] body = "metric,unit,date,value\nhotline.ontime-rate,东营市财政局,2026-07-01,95\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(n == 1 ? 503 : 200, n == 1 ? -1 : body.length);
            if (n > 1) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.createContext("/hangs.csv", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS); // a partner that never answers within the feed's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/secure.csv", exchange -> {
            String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("hotline:s3cret/x".getBytes(StandardCharsets.UTF_8));
            byte[] body = "metric,unit,date,value\nhotline.ontime-rate,东营市教育局,2026-07-01,88\n".getBytes(StandardCharsets.UTF_8);
            boolean allowed = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(allowed ? 200 : 401, allowed ? body.length : -1);
            if (allowed) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            scheduler.configured("cfg-1", feedConfig(base + "/export.csv", null));
            FeedRun first = data.runFeed(CITY, "hotline");
            assertEquals(FeedRun.Outcome.SUCCEEDED, first.outcome(), first.toString());
            assertEquals(2, first.attempts(), "the 503 was retried");
            assertEquals(1, first.rows());
            FeedRun second = data.runFeed(CITY, "hotline");
            assertEquals(FeedRun.Outcome.DUPLICATE, second.outcome(), "the same export is not stored twice");
            assertEquals(new BigDecimal("95"), data.rows(CITY, "370500", "hotline.ontime-rate", 1, null, null, 1).get(0).value());

            Hashtable<String, Object> secure = feedConfig("http://hotline:s3cret%2Fx@127.0.0.1:" + server.getAddress().getPort() + "/secure.csv", null);
            secure.put("name", "secure");
            scheduler.configured("cfg-3", secure);
            FeedRun authenticated = data.runFeed(CITY, "secure");
            assertEquals(FeedRun.Outcome.SUCCEEDED, authenticated.outcome(), "credentials in the location go as HTTP Basic: " + authenticated);
            String shown = data.feeds(CITY).stream().filter(f -> f.name().equals("secure")).findFirst().orElseThrow().location();
            assertEquals("http://***@127.0.0.1:" + server.getAddress().getPort() + "/secure.csv", shown);

            scheduler.configured("cfg-1", feedConfig(base + "/hangs.csv", "retries=1"));
            FeedRun hung = data.runFeed(CITY, "hotline");
            assertEquals(FeedRun.Outcome.FAILED, hung.outcome());
            assertEquals(2, hung.attempts());
            assertTrue(hung.message().contains("超时"), hung.message());
            assertEquals(List.of(FeedRun.Outcome.FAILED, FeedRun.Outcome.DUPLICATE, FeedRun.Outcome.SUCCEEDED),
                    data.feedRuns(CITY, "hotline", 10).stream().map(FeedRun::outcome).toList());
            refused(ProblemKind.NOT_FOUND, () -> data.runFeed(LIJIN, "hotline"));

            assertThrows(IllegalArgumentException.class, () -> scheduler.configured("cfg-2", feedConfig(base, "daysOfMonth=0,40")));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void schedulesFollowTheDaysOfTheMonthInChinaTime() {
        FeedDefinition d = FeedDefinitions.parse(feedConfig("http://x", null));
        ZonedDateTime now = ZonedDateTime.parse("2026-11-26T10:00:00+08:00[Asia/Shanghai]");
        assertEquals(ZonedDateTime.parse("2026-12-01T02:00:00+08:00[Asia/Shanghai]"), FeedDefinitions.next(d, now));
        assertEquals(ZonedDateTime.parse("2026-11-15T02:00:00+08:00[Asia/Shanghai]"), FeedDefinitions.previous(d, now));
        FeedDefinition d31 = FeedDefinitions.parse(feedConfig("http://x", "daysOfMonth=31"));
        assertEquals(LocalDate.of(2026, 12, 31), FeedDefinitions.next(d31, now).toLocalDate(), "November has no 31st");
    }

    @Test
    void draftsTheCampaignRefusesAreMissingWithTheirReasonAndTheRestIsRecordedTogether() {
        data.ingest(PARTNER, "370500", "haocha", "h1", "REST", List.of(new DataRow("review.bad", "CZJ", "2026-08-01", "3", null),
                new DataRow("review.bad", "JYJ", "2026-08-01", "1", null), new DataRow("review.bad", "GAJ", "2026-08-01", "2", null)));
        refusals.add(Map.of(1, ProblemKind.INVALID));
        CampaignFeedResult r = data.applyToCampaign(CITY, 7, List.of(new MetricBinding("review.bad", "C3.3", true)));
        assertEquals(List.of(3, 2), batchSizes, "refused once, the two others sent again as one batch");
        assertEquals(List.of(1L, 3L), r.recorded().stream().map(CampaignFeedResult.Recorded::unitId).toList());
        assertEquals(1, r.missing().size(), r.toString());
        assertEquals(2, r.missing().get(0).unitId());
        assertEquals("单位 2 不在本活动中", r.missing().get(0).reason());
        assertEquals(List.of(1L, 3L), recorded.stream().map(call -> (Long) call[2]).toList(), "nothing of the refused batch was kept");

        // refused again on the second try: the campaign changed under the application, nothing is half-applied
        recorded.clear();
        batchSizes.clear();
        refusals.add(Map.of(0, ProblemKind.INVALID));
        refusals.add(Map.of(0, ProblemKind.CONFLICT));
        refused(ProblemKind.CONFLICT, () -> data.applyToCampaign(CITY, 7, List.of(new MetricBinding("review.bad", "C3.3", true))));
        assertEquals(List.of(3, 2), batchSizes);
        assertTrue(recorded.isEmpty());
    }

    @Test
    void aQuotedCsvFieldMayHoldLineBreaksCommasAndQuotes() {
        String csv = "metric,unit,date,value,recordId\r\nreview.bad,CZJ,2026-07-03,1,\"GD\n005\"\r\n"
                + "review.bad,JYJ,2026-07-03,2,\"GD,\"\"006\"\"\"\r\n";
        BatchReceipt r = data.ingest(PARTNER, "370500", "haocha", "csv-rfc", "REST", "csv", text(csv));
        assertEquals(BatchStatus.APPLIED, r.status(), r.toString());
        assertEquals(2, r.accepted(), "a line break inside quotes does not end the record");
        assertEquals("GD\n005", data.rows(CITY, "370500", "review.bad", 1, null, null, 10).get(0).recordId());
        assertEquals("GD,\"006\"", data.rows(CITY, "370500", "review.bad", 2, null, null, 10).get(0).recordId());
        refused(ProblemKind.INVALID, () -> data.ingest(PARTNER, "370500", "haocha", "csv-open", "REST", "csv",
                text("metric,unit,date,value\nreview.bad,CZJ,2026-07-03,\"1\n")));
    }
}
