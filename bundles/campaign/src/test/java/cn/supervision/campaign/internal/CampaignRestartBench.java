package cn.supervision.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.campaign.internal.model.InputEntity;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * Restart to first results: the province-scale campaign (1 000 units × 40 inputs) on an on-disk Derby database, then,
 * in a new JVM each time as a restart would be (cold JIT, Derby booted from disk), a new EntityManagerFactory and
 * services and the first results. Figures go to target/bench-restart.txt.
 */
@Tag("bench")
class CampaignRestartBench {
    static final UnitKind[] KINDS = {UnitKind.PARTY_ORGAN, UnitKind.GOVERNMENT_DEPARTMENT, UnitKind.PUBLIC_INSTITUTION};
    static final String XML = "META-INF/bench-persistence.xml";
    /** The EXTRA_JAVA_OPTS of distribution/src/main/resources/bin/setenv, less the metaspace threshold the bench never reaches. */
    static final String DISTRIBUTION_JVM = "-Xms192m -Xmx384m -XX:NewRatio=3 -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    static RegistryService registry() {
        List<Unit> units = new ArrayList<>();
        for (long id = 1; id <= CampaignScoringBench.UNITS; id++) {
            units.add(new Unit(id, "U" + id, "单位" + id, null, KINDS[(int) (id % 3)], "370000", null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                    Instant.EPOCH, "b", Instant.EPOCH, "b"));
        }
        return CampaignScoringBench.registry(units);
    }

    @Test
    void restartToFirstResults() throws Exception {
        Path dir = Path.of("target", "bench-restart-db").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String url = "jdbc:derby:" + dir;
        long campaignId;
        RegistryService registry = registry();
        try (LocalJpaTemplate jpa = new LocalJpaTemplate("bench", XML, url + ";create=true")) {
            JpaIndicatorSystemService systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
            IndicatorSystem system = systems.publishContributed(CampaignScoringBench.SYSTEM, "370000", "bench",
                    CampaignScoringBench.fortyLeaves());
            JpaCampaignService campaigns = new JpaCampaignService(jpa, registry, systems);
            Map<UnitKind, Long> pinned = new HashMap<>();
            for (UnitKind k : KINDS) {
                pinned.put(k, system.id());
            }
            Campaign c = campaigns.create(CampaignScoringBench.SYSTEM, "370000", new CampaignDraft(CampaignKind.SPECIAL, "基准", null,
                    new Period(Period.PeriodType.YEAR, 2026, null), pinned, null, null, null, null, null));
            campaigns.transition(CampaignScoringBench.SYSTEM, c.id(), CampaignState.COLLECTING, "基准");
            campaignId = c.id();
            ObjectMapper json = new ObjectMapper();
            jpa.tx(em -> {
                for (int u = 1; u <= CampaignScoringBench.UNITS; u++) {
                    for (int leaf = 0; leaf < 40; leaf++) {
                        String code = Category.values()[leaf / 8].name() + (leaf % 8 + 1);
                        try {
                            em.persist(new InputEntity(c.id(), u, code, InputSource.OFFICE,
                                    json.writeValueAsString(CampaignScoringBench.input(u, leaf)), null, "bench", 0));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            // the campaign answered once before the restart, as a live one would have been
            assertEquals(CampaignScoringBench.UNITS, campaigns.results(CampaignScoringBench.SYSTEM, c.id(), null).size());
            campaigns.close(); // a stopping node writes the snapshot it has queued
        }
        shutdown(url);
        StringBuilder report = new StringBuilder(String.format("restart to first results (%d units x 40 indicators, %d inputs, on-disk Derby,"
                + " a new JVM each run, options: %s)%n", CampaignScoringBench.UNITS, CampaignScoringBench.UNITS * 40,
                System.getProperty("bench.restart.jvm", DISTRIBUTION_JVM)));
        for (int run = 1; run <= 3; run++) {
            report.append("  run ").append(run).append(": ").append(child(url, campaignId)).append(System.lineSeparator());
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-restart.txt"), report, StandardCharsets.UTF_8);
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with 08006
        }
    }

    private static String child(String url, long campaignId) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long t0 = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java.toString()));
        // the JVM options the distribution starts Karaf with (bin/setenv); -Dbench.restart.jvm= for the JDK's defaults, or
        // e.g. -Dbench.restart.jvm=-XX:StartFlightRecording=filename=/tmp/restart.jfr
        String options = System.getProperty("bench.restart.jvm", DISTRIBUTION_JVM);
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CampaignRestartBench.class.getName(), url,
                Long.toString(campaignId)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        String line = out.lines().filter(l -> l.startsWith("RESTART ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the restarted JVM answered " + status + ":\n" + out));
        return line.substring("RESTART ".length()) + String.format(", whole JVM %d ms", wall);
    }

    /** The restarted node: a new EntityManagerFactory and services on the database left on disk, then first results. */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        RegistryService registry = registry();
        try (LocalJpaTemplate jpa = new LocalJpaTemplate("bench", XML, args[0])) {
            JpaIndicatorSystemService systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
            JpaCampaignService campaigns = new JpaCampaignService(jpa, registry, systems);
            jpa.txExpr(em -> em.createQuery("select count(c) from CampaignEntity c", Long.class).getSingleResult()); // booted
            long t1 = System.nanoTime();
            List<UnitResult> first = campaigns.results(CampaignScoringBench.SYSTEM, Long.parseLong(args[1]), null);
            long t2 = System.nanoTime();
            List<UnitResult> second = campaigns.results(CampaignScoringBench.SYSTEM, Long.parseLong(args[1]), null);
            long t3 = System.nanoTime();
            campaigns.close();
            if (first.size() != CampaignScoringBench.UNITS || !first.equals(second)) {
                throw new IllegalStateException("results: " + first.size());
            }
            System.out.printf("RESTART first results %d ms (second %.1f ms; EntityManagerFactory, services and database boot %d ms)%n",
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1e6, (t1 - t0) / 1_000_000);
        }
        shutdown(args[0]);
    }
}
