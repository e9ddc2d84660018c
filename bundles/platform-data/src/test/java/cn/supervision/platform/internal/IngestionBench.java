package cn.supervision.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricAggregation;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * A year and more of hotline tickets: 1 000 000 ticket rows for 140 units, sent as 20 CSV batches of 50 000 to the real
 * service on an on-disk Derby database with its default durability (the log is synced at every commit) and the
 * distribution's 1 MB log buffer (override with -Dderby.storage.logBufferSize=32768, Derby's default). Not a timed
 * test: {@code mvn -P bench -pl bundles/platform-data -am test}; figures in target/bench.txt.
 */
@Tag("bench")
class IngestionBench {
    static final int ROWS = 1_000_000;
    static final int BATCH = 50_000;
    static final int UNITS = 140;
    static final String DERBY_LOG_BUFFER = "derby.storage.logBufferSize";

    @Test
    void oneMillionRows() throws Exception {
        // what the distribution sets in etc/custom.system.properties, read when Derby boots the database
        System.setProperty(DERBY_LOG_BUFFER, System.getProperty(DERBY_LOG_BUFFER, "1048576"));
        Path dir = Path.of("target", "bench-db");
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= UNITS; i++) {
            units.add(new Unit(i, "U" + i, "单位" + i, null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                    Instant.EPOCH, "t", Instant.EPOCH, "t"));
        }
        RegistryService registry = new FakeRegistry(FakeRegistry.DONGYING, units);
        Caller city = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
        Caller partner = new Caller("hotline-system", Set.of(Role.PARTNER_SYSTEM), "370500", null);
        StringBuilder report = new StringBuilder();
        try (LocalJpaTemplate jpa = new LocalJpaTemplate("platform-test", "META-INF/platform-test-persistence.xml",
                "jdbc:derby:" + dir.toAbsolutePath() + ";create=true")) {
            Ingestion ingestion = new Ingestion(jpa, registry);
            FeedScheduler scheduler = new FeedScheduler(jpa, registry, ingestion, List.of());
            JpaPlatformDataService data = new JpaPlatformDataService(jpa, registry, (CampaignService) null, ingestion, scheduler);
            data.saveMetric(city, "370500", new Metric(null, "hotline.tickets", "12345热线工单", "件", "hotline", MetricAggregation.COUNT, null, null));
            List<Long> perBatch = new ArrayList<>();
            long start = System.nanoTime();
            LocalDate first = LocalDate.of(2025, 1, 1);
            for (int b = 0; b < ROWS / BATCH; b++) {
                StringBuilder csv = new StringBuilder(BATCH * 48).append("metric,unit,date,value,recordId\n");
                for (int i = 0; i < BATCH; i++) {
                    int n = b * BATCH + i;
                    csv.append("hotline.tickets,U").append(n % UNITS + 1).append(',').append(first.plusDays(n % 700)).append(",1,GD")
                            .append(n).append('\n');
                }
                byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
                long t = System.nanoTime();
                BatchReceipt r = data.ingest(partner, "370500", "hotline", "bench-" + b, "BENCH", "csv", new ByteArrayInputStream(body));
                perBatch.add((System.nanoTime() - t) / 1_000_000);
                assertEquals(BatchStatus.APPLIED, r.status(), r.rejected().toString());
            }
            long total = (System.nanoTime() - start) / 1_000_000;
            long t = System.nanoTime();
            List<Aggregate> year = data.aggregate(city, "370500", "hotline.tickets", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
            long aggregateMillis = (System.nanoTime() - t) / 1_000_000;
            assertEquals(ROWS, year.stream().mapToLong(Aggregate::rows).sum());
            t = System.nanoTime();
            List<Aggregate> quarter = data.aggregate(city, "370500", "hotline.tickets", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
            long quarterMillis = (System.nanoTime() - t) / 1_000_000;
            List<Long> sorted = perBatch.stream().sorted().toList();
            report.append(String.format("platform-data ingestion, %d rows in %d CSV batches of %d (on-disk Derby, durable commits,"
                    + " %s=%s):%n", ROWS, ROWS / BATCH, BATCH, DERBY_LOG_BUFFER, System.getProperty(DERBY_LOG_BUFFER)))
                    .append(String.format("  total %.1f s, %.0f rows/s; per batch median %d ms, max %d ms; in the service %.1f s"
                            + " (the rest is the bench writing its CSV)%n", total / 1000.0, ROWS * 1000.0 / total, sorted.get(sorted.size() / 2),
                            sorted.get(sorted.size() - 1), sorted.stream().mapToLong(Long::longValue).sum() / 1000.0))
                    .append(String.format("  aggregate over all 2 years for %d units: %d ms; over one quarter (%d rows): %d ms%n", UNITS,
                            aggregateMillis, quarter.stream().mapToLong(Aggregate::rows).sum(), quarterMillis));
        }
        Files.writeString(Path.of("target", "bench.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.print(report);
    }
}
