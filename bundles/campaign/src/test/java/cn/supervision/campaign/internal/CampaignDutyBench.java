package cn.supervision.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.DutyPart;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * Issue 14: a campaign over 1 000 units × 15 typed duties whose system scores CORE1 duty by duty, started (duties read,
 * expanded, frozen: 15 000 duties and 15 000 leaves written) and scored, on OpenJPA + Derby with the real indicator
 * engine. Not a timed test: run with {@code mvn -o -P bench -pl bundles/campaign test -Dtest=CampaignDutyBench};
 * figures go to target/bench-duties.txt.
 */
@Tag("bench")
class CampaignDutyBench {
    static final int UNITS = 1_000;
    static final int DUTIES = 15;
    static final int RUNS = 5;
    static final Caller SYSTEM = Caller.system("bench");

    /** The 40-leaf benchmark system with CORE1 (履行主要职责) declared duty-driven, shares by duty type. */
    static SystemDefinition dutyDriven() {
        SystemDefinition d = CampaignScoringBench.fortyLeaves();
        DutyPart part = new DutyPart(DutyPart.Weighting.BY_TYPE, Map.of(DutyType.LICENSING, java.math.BigDecimal.valueOf(2)), null);
        List<Indicator> groups = d.indicators().stream().map(g -> new Indicator(g.code(), g.name(), null, null, g.weight(), g.category(),
                g.scope(), null, g.children().stream().map(n -> !n.code().equals("CORE1") ? n : new Indicator(n.code(), n.name(), null,
                        null, n.weight(), n.category(), n.scope(), n.rule(), List.of(), part, null)).toList())).toList();
        return new SystemDefinition(d.name(), d.year(), d.unitKinds(), d.aggregation(), d.baseMax(), null, null, null, groups, List.of());
    }

    static List<Unit> units() {
        DutyType[] types = DutyType.values();
        List<Unit> units = new ArrayList<>();
        for (long id = 1; id <= UNITS; id++) {
            List<Duty> duties = new ArrayList<>();
            for (int n = 1; n <= DUTIES; n++) {
                duties.add(new Duty(null, n, "单位" + id + "的第" + n + "项主要职责：负责本领域有关事项的组织实施和监督管理",
                        types[(int) ((id + n) % types.length)], List.of()));
            }
            units.add(new Unit(id, "U" + id, "单位" + id, null, UnitKind.GOVERNMENT_DEPARTMENT, "370000", null, UnitStatus.ACTIVE,
                    new Mandate(duties, List.of(), null), 1, Instant.EPOCH, "b", Instant.EPOCH, "b"));
        }
        return units;
    }

    @Test
    void thousandUnitsStartWithTheirDutiesFrozen() throws Exception {
        FakeRegistry registry = new FakeRegistry(List.of(new Jurisdiction("370000", "某省", JurisdictionKind.PROVINCE, null, false)),
                units());
        try (LocalJpaTemplate jpa = new LocalJpaTemplate("bench", "META-INF/bench-persistence.xml")) {
            JpaIndicatorSystemService systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
            IndicatorSystem system = systems.publishContributed(SYSTEM, "370000", "bench-duties", dutyDriven());
            JpaCampaignService campaigns = new JpaCampaignService(jpa, registry, systems);
            campaigns.setDuties(registry);
            long[] start = new long[RUNS];
            long[] read = new long[RUNS];
            long[] prepare = new long[RUNS];
            long[] write = new long[RUNS];
            Campaign last = null;
            for (int i = 0; i < RUNS; i++) {
                Campaign c = campaigns.create(SYSTEM, "370000", new CampaignDraft(CampaignKind.SPECIAL, "基准" + i, null,
                        new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, system.id()), null, null,
                        null, null, null));
                long t0 = System.nanoTime();
                registry.dutiesOf(SYSTEM, "370000", false);
                read[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                DutyFreeze.Frozen frozen = new DutyFreeze(systems, registry).prepare(c, registry.listUnits(SYSTEM, "370000", false), "bench");
                prepare[i] = System.nanoTime() - t0;
                long dummy = 1_000_000L + i; // the same rows under a campaign id nobody uses: the batched writes alone
                t0 = System.nanoTime();
                jpa.tx(em -> DutyFreeze.write(em, dummy, frozen));
                write[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                last = campaigns.transition(SYSTEM, c.id(), CampaignState.COLLECTING, "基准");
                start[i] = System.nanoTime() - t0;
            }
            Campaign c = last;
            assertEquals(UNITS * DUTIES, campaigns.dutyLeaves(SYSTEM, c.id(), null).size());
            long t0 = System.nanoTime();
            JpaCampaignService fresh = new JpaCampaignService(jpa, registry, systems);
            List<UnitResult> results = fresh.results(SYSTEM, c.id(), null);
            long score = System.nanoTime() - t0;
            assertEquals(UNITS, results.size());
            t0 = System.nanoTime();
            int missing = campaigns.coverage(SYSTEM, c.id()).size();
            long coverage = System.nanoTime() - t0;
            assertEquals(UNITS, missing);
            t0 = System.nanoTime();
            int leaves = campaigns.dutyLeaves(SYSTEM, c.id(), null).size();
            long leafRead = System.nanoTime() - t0;
            java.util.Arrays.sort(start);
            java.util.Arrays.sort(read);
            java.util.Arrays.sort(prepare);
            java.util.Arrays.sort(write);
            String report = String.format("campaign start with duty-driven indicators (%d units x %d duties: %d duties + %d leaves frozen)%n"
                            + "  start of collection (transition, incl. registry read, expansion, batched writes), median of %d: %d ms (min %d, max %d)%n"
                            + "    of which the fake registry's duty read: median %.1f ms; read + expansion of all units: median %d ms%n"
                            + "  the batched writes alone (30 000 rows, own transaction), median: %d ms (min %d, max %d)%n"
                            + "  first results after start (1 000 units scored on their expanded systems, no inputs): %d ms%n"
                            + "  dutyLeaves of the whole campaign (%d leaves with scores, results cached): %d ms%n"
                            + "  coverage (missing codes of 1 000 expanded units): %d ms%n",
                    UNITS, DUTIES, UNITS * DUTIES, UNITS * DUTIES, RUNS, start[RUNS / 2] / 1_000_000, start[0] / 1_000_000,
                    start[RUNS - 1] / 1_000_000, read[RUNS / 2] / 1e6, prepare[RUNS / 2] / 1_000_000,
                    write[RUNS / 2] / 1_000_000, write[0] / 1_000_000, write[RUNS - 1] / 1_000_000, score / 1_000_000, leaves,
                    leafRead / 1_000_000, coverage / 1_000_000);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-duties.txt"), report, StandardCharsets.UTF_8);
            fresh.close();
            campaigns.close();
        }
    }
}
