package cn.supervision.duty.coverage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.testing.FakeRegistry;

/**
 * 1 000 units x 15 duties, five years of four quarterly campaigns each leaving 15 000 duty leaves (60 000 a year, 300 000
 * in all), two duties in three scored in every second quarter, the third never: the time of the three views on top of the (in-memory) campaign reads.
 * {@code mvn -P bench -pl bundles/duty-coverage test}; figures go to target/bench.txt.
 */
@Tag("bench")
class CoverageBench {
    static final int UNITS = 1_000;
    static final int DUTIES = 15;

    @Test
    void thousandUnitsTimesFifteenDuties() throws IOException {
        List<Unit> units = new ArrayList<>();
        for (long id = 1; id <= UNITS; id++) {
            units.add(Fixture.unit(id, Fixture.GR, "U" + id, UnitStatus.ACTIVE, DUTIES));
        }
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, units);
        FakeCampaigns campaigns = new FakeCampaigns(registry.access());
        long id = 1;
        for (int year = 2022; year <= 2026; year++) {
            for (int q = 1; q <= 4; q++, id++) {
                List<DutyLeaf> leaves = new ArrayList<>(UNITS * DUTIES);
                List<Long> targets = new ArrayList<>(UNITS);
                for (long u = 1; u <= UNITS; u++) {
                    targets.add(u);
                    for (int n = 1; n <= DUTIES; n++) {
                        leaves.add(FakeCampaigns.leaf(id, u, FakeRegistry.dutyId(u, n), n, n % 3 != 0 && (n + q) % 2 == 0 ? "8" : null));
                    }
                }
                campaigns.add(FakeCampaigns.campaign(id, Fixture.GR, CampaignState.PUBLISHED, Fixture.quarter(year, q), 100, targets),
                        leaves.toArray(DutyLeaf[]::new));
            }
        }
        DutyCoverageService service = new DutyCoverageService(registry, registry, campaigns, Fixture.systems());
        for (int warm = 0; warm < 3; warm++) {
            service.ofYear(Fixture.OFFICE, Fixture.GR, 2026);
            service.ofCampaign(Fixture.OFFICE, 1);
            service.notAssessed(Fixture.OFFICE, Fixture.GR, 3, 2026);
        }
        StringBuilder out = new StringBuilder();
        long year = best(() -> service.ofYear(Fixture.OFFICE, Fixture.GR, 2026).assessed(), UNITS * DUTIES * 2 / 3, out, "ofYear (4 campaigns, 60 000 leaves)");
        long campaign = best(() -> service.ofCampaign(Fixture.OFFICE, 20).duties(), UNITS * DUTIES, out, "ofCampaign (15 000 leaves)");
        long stale = best(() -> service.notAssessed(Fixture.OFFICE, Fixture.GR, 1, 2026).size(), UNITS * DUTIES / 3, out,
                "notAssessed 1 year up to 2026 (20 campaigns, 300 000 leaves)");
        Files.writeString(Path.of("target", "bench.txt"), out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(out);
        assertEquals(true, year < 1_000 && campaign < 1_000 && stale < 1_000, out.toString());
    }

    private static long best(Supplier<Integer> run, int expected, StringBuilder out, String label) {
        long best = Long.MAX_VALUE;
        int answer = -1;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            answer = run.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        if (expected > 0) {
            assertEquals(expected, answer, label);
        }
        out.append(String.format("%-62s best of 5: %4d ms (answer %d)%n", label, best, answer));
        return best;
    }
}
