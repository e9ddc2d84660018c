package cn.supervision.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.InputEntity;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * Province scale (issue 5): 1 000 units × 40 indicators with inputs, scored with the real rule engine on OpenJPA +
 * Derby. Not a timed test: run with {@code mvn -P bench -pl bundles/campaign test}; figures go to target/bench.txt.
 */
@Tag("bench")
class CampaignScoringBench {
    static final int UNITS = 1_000;
    static final Caller SYSTEM = Caller.system("bench");

    static SystemDefinition fortyLeaves() {
        List<Indicator> groups = new ArrayList<>();
        int n = 0;
        for (Category c : Category.values()) {
            List<Indicator> leaves = new ArrayList<>();
            for (int i = 1; i <= 8; i++, n++) {
                RuleSpec rule = switch (n % 4) {
                    case 0 -> new RuleSpec(RuleType.LINEAR, null, null, null, null, null, null, BigDecimal.valueOf(60), BigDecimal.ZERO,
                            BigDecimal.valueOf(100), new BigDecimal("2.5"), null, null, null, null, null, null);
                    case 1 -> new RuleSpec(RuleType.DEDUCT_PER_OCCURRENCE, null, new BigDecimal("0.5"), null, null, null, null, null, null,
                            null, null, null, null, null, null, null, null);
                    case 2 -> new RuleSpec(RuleType.RATIO, null, null, null, null, null, null, null, null, null, null,
                            BigDecimal.valueOf(100), null, null, null, null, null);
                    default -> new RuleSpec(RuleType.GRADE, null, null, null, null, null, null, null, null, null, null, null,
                            List.of(new RuleSpec.Level("好", new BigDecimal("2.5")), new RuleSpec.Level("一般", new BigDecimal("1.5")),
                                    new RuleSpec.Level("差", BigDecimal.ZERO)), RuleSpec.Combine.TRIMMED_MEAN, 1, null, null);
                };
                leaves.add(new Indicator(c.name() + i, c.label() + i, null, null, new BigDecimal("2.5"), c, IndicatorScope.COMMON, rule, null));
            }
            groups.add(new Indicator(c.name(), c.label(), null, null, BigDecimal.valueOf(20), c, IndicatorScope.COMMON, null, leaves));
        }
        return new SystemDefinition("基准体系", 2026, Set.of(), Aggregation.POINTS, BigDecimal.valueOf(100), null, null, null, groups, List.of());
    }

    static IndicatorInput input(int unit, int leaf) {
        return switch (leaf % 4) {
            case 0 -> IndicatorInput.value(BigDecimal.valueOf(60 + (unit * 7 + leaf) % 41));
            case 1 -> IndicatorInput.occurrences((unit + leaf) % 6);
            case 2 -> IndicatorInput.value(BigDecimal.valueOf(50 + (unit * 3 + leaf) % 51));
            default -> IndicatorInput.grades(List.of(new IndicatorInput.Grade("甲", "好", "r"), new IndicatorInput.Grade("乙", "一般", "r"),
                    new IndicatorInput.Grade("丙", (unit % 3 == 0) ? "差" : "好", "r")));
        };
    }

    static RegistryService registry(List<Unit> units) {
        return new FakeRegistry(List.of(new Jurisdiction("370000", "某省", JurisdictionKind.PROVINCE, null, false)), units);
    }

    @Test
    void provinceScale() throws Exception {
        List<Unit> units = new ArrayList<>();
        UnitKind[] kinds = {UnitKind.PARTY_ORGAN, UnitKind.GOVERNMENT_DEPARTMENT, UnitKind.PUBLIC_INSTITUTION};
        for (long id = 1; id <= UNITS; id++) {
            units.add(new Unit(id, "U" + id, "单位" + id, null, kinds[(int) (id % 3)], "370000", null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                    Instant.EPOCH, "b", Instant.EPOCH, "b"));
        }
        RegistryService registry = registry(units);
        try (LocalJpaTemplate jpa = new LocalJpaTemplate("bench", "META-INF/bench-persistence.xml")) {
            JpaIndicatorSystemService systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
            IndicatorSystem system = systems.publishContributed(SYSTEM, "370000", "bench", fortyLeaves());
            JpaCampaignService campaigns = new JpaCampaignService(jpa, registry, systems);
            Map<UnitKind, Long> pinned = new HashMap<>();
            for (UnitKind k : kinds) {
                pinned.put(k, system.id());
            }
            Campaign c = campaigns.create(SYSTEM, "370000", new CampaignDraft(CampaignKind.SPECIAL, "基准", null,
                    new Period(Period.PeriodType.YEAR, 2026, null), pinned, null, null, null, null, null));
            campaigns.transition(SYSTEM, c.id(), CampaignState.COLLECTING, "基准");
            ObjectMapper json = new ObjectMapper();
            long t0 = System.nanoTime();
            jpa.tx(em -> {
                for (int u = 1; u <= UNITS; u++) {
                    for (int leaf = 0; leaf < 40; leaf++) {
                        String code = Category.values()[leaf / 8].name() + (leaf % 8 + 1);
                        try {
                            em.persist(new InputEntity(c.id(), u, code, InputSource.OFFICE, json.writeValueAsString(input(u, leaf)), null, "bench", 0));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            long load = System.nanoTime() - t0;

            JpaCampaignService cold = new JpaCampaignService(jpa, registry, systems);
            t0 = System.nanoTime();
            List<UnitResult> results = cold.results(SYSTEM, c.id(), null);
            long coldScore = System.nanoTime() - t0;
            assertEquals(UNITS, results.size());

            // full rescore in memory: every unit dirty again (the cache's inputs stay, the scores go)
            long[] full = new long[5];
            for (int i = 0; i < full.length; i++) {
                CampaignScores cache = cold.cacheForBench(c.id());
                synchronized (cache) {
                    cache.unscoreAll();
                }
                t0 = System.nanoTime();
                cold.results(SYSTEM, c.id(), null);
                full[i] = System.nanoTime() - t0;
            }
            // the 1 000 rows each full rescore queued for the snapshot are written in the background; the loop below
            // times the steady state of one input, not that one-off write
            cold.flushSnapshotsForBench();
            long[] single = new long[200];
            for (int i = 0; i < single.length; i++) {
                t0 = System.nanoTime();
                cold.recordInput(SYSTEM, c.id(), 1 + (i * 7) % UNITS, "CORE1", IndicatorInput.value(BigDecimal.valueOf(50 + i % 50)),
                        InputSource.OFFICE, "基准");
                cold.results(SYSTEM, c.id(), null);
                single[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(full);
            java.util.Arrays.sort(single);
            String report = String.format("province-scale scoring (%d units x 40 indicators, %d inputs)%n"
                            + "  bulk insert of the inputs (setup, one transaction): %d ms%n"
                            + "  first results after start (load 40 000 inputs + score all): %d ms%n"
                            + "  full rescore in memory, median of 5: %d ms (min %d, max %d)%n"
                            + "  one input recorded + results, %d times: p50 %.1f ms, p99 %.1f ms (max %.1f)%n",
                    UNITS, UNITS * 40, load / 1_000_000, coldScore / 1_000_000, full[2] / 1_000_000, full[0] / 1_000_000,
                    full[4] / 1_000_000, single.length, single[single.length / 2] / 1e6,
                    single[single.length * 99 / 100] / 1e6, single[single.length - 1] / 1e6);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench.txt"), report, StandardCharsets.UTF_8);
            cold.close();
            campaigns.close();
        }
    }
}
