package cn.supervision.warning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * The daily rule pass over 1 000 units (400 city, 300 in each county) with five years of history: a quarterly
 * routine lineage (20 published campaigns) and a yearly special campaign (5) per jurisdiction, every unit scored in
 * each; a collecting campaign past its deadline with self-reports and evidence; 12345 on-time rows per unit and day
 * for five years (1.8 million) aggregated over the last month; staffing in use for every unit; open findings. The
 * ledger is the real one on Derby (a file database); the other areas' services are in-memory fakes that count their
 * reads, so the figure is the rules' and the ledger's cost plus one read per rule and jurisdiction. Not a timed test:
 * {@code mvn -P bench -pl bundles/warning test}; figures go to target/bench.txt.
 */
@Tag("bench")
class WarningPassBench {
    static final String[] JURISDICTIONS = {"370500", "370522", "370523"};
    static final int[] UNITS = {400, 300, 300};
    static final int YEARS = 5;

    @Test
    void dailyPassOverAThousandUnitsAndFiveYears() throws Exception {
        Random random = new Random(11);
        List<Unit> units = new ArrayList<>();
        Map<String, List<Long>> byJurisdiction = new HashMap<>();
        long nextUnit = 1;
        for (int j = 0; j < JURISDICTIONS.length; j++) {
            for (int i = 0; i < UNITS[j]; i++) {
                Unit u = Fakes.unit(nextUnit++, JURISDICTIONS[j], "U" + i, new Staffing(20, 10, 4));
                units.add(u);
                byJurisdiction.computeIfAbsent(JURISDICTIONS[j], k -> new ArrayList<>()).add(u.id());
            }
        }
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, units);
        Fakes.Campaigns campaigns = new Fakes.Campaigns();
        Fakes.StaffingFigures staffing = new Fakes.StaffingFigures();
        Fakes.Findings findings = new Fakes.Findings();
        LocalDate today = LocalDate.of(2026, 11, 30);
        long nextCampaign = 1;
        long nextInput = 1;
        long historyResults = 0;
        for (String j : JURISDICTIONS) {
            List<Long> ids = byJurisdiction.get(j);
            Long previous = null;
            for (int year = 2022; year < 2022 + YEARS; year++) {
                for (int q = 1; q <= 4; q++) {
                    long id = nextCampaign++;
                    campaigns.add(Fakes.campaign(id, j, CampaignState.PUBLISHED, new Period(Period.PeriodType.QUARTER, year, q), previous,
                            null, ids), results(ids, random));
                    historyResults += ids.size();
                    previous = id;
                }
                long special = nextCampaign++;
                campaigns.add(Fakes.campaign(special, j, CampaignState.PUBLISHED, new Period(Period.PeriodType.YEAR, year, null), null,
                        null, ids), results(ids, random));
                historyResults += ids.size();
            }
            // the current quarter, still collecting after its deadline: a tenth of the units have reported nothing
            long open = nextCampaign++;
            campaigns.add(Fakes.campaign(open, j, CampaignState.COLLECTING, new Period(Period.PeriodType.QUARTER, 2026, 4), previous,
                    today.minusDays(5), ids), null);
            List<CampaignService.Coverage> coverage = new ArrayList<>();
            for (Long unit : ids) {
                boolean silent = random.nextInt(10) == 0;
                if (silent) {
                    coverage.add(new CampaignService.Coverage(unit, "单位" + unit, List.of("D1.1", "D1.2")));
                } else {
                    for (int k = 0; k < 5; k++) {
                        campaigns.selfReport(nextInput++, open, unit, "D1." + (k + 1), random.nextInt(20) != 0);
                    }
                }
                staffing.put(j, unit, today.minusDays(random.nextInt(300)), 18 + random.nextInt(4), 10, 4);
            }
            campaigns.coverage.put(open, coverage);
        }
        // rectification: two notices per unit and year for five years, two items each; a few items overdue now
        Map<String, List<cn.supervision.api.rectification.Notice>> notices = new HashMap<>();
        java.util.concurrent.atomic.AtomicLong rectificationReads = new java.util.concurrent.atomic.AtomicLong();
        long nextNotice = 1;
        long items = 0;
        for (Unit u : units) {
            for (int n = 0; n < 2 * YEARS; n++) {
                long notice = nextNotice++;
                List<cn.supervision.api.rectification.Item> its = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    boolean late = n == 2 * YEARS - 1 && random.nextInt(20) == 0;
                    its.add(Fakes.item(notice * 10 + k, notice, late ? cn.supervision.api.rectification.ItemState.OVERDUE
                            : cn.supervision.api.rectification.ItemState.CLOSED));
                    items++;
                }
                notices.computeIfAbsent(u.jurisdictionCode(), k -> new ArrayList<>()).add(Fakes.notice(notice, u.jurisdictionCode(), u.id(), its));
            }
        }
        cn.supervision.api.rectification.RectificationService rectifications = Fakes.rectifications(notices, rectificationReads);
        // 12345 rows: one per unit and day for five years, aggregated (mean) over the window the rule asks for
        Hotline hotline = new Hotline(units, today.minusYears(YEARS), today, random);

        Path db = Files.createTempDirectory("warning-bench");
        LocalJpaTemplate jpa = new LocalJpaTemplate("warning-test", "META-INF/warning-test-persistence.xml",
                "jdbc:derby:" + db.resolve("db") + ";create=true");
        Fakes.Outbox outbox = new Fakes.Outbox();
        MutableClock clock = WarningLedgerServiceTest.clock();
        WarningLedgerService service = new WarningLedgerService(jpa, registry, campaigns, hotline, () -> staffing, () -> findings,
                () -> outbox, () -> rectifications, WarningConfig.defaults(), clock);
        WarningRulesPass pass = new WarningRulesPass(service);
        try {
            // the persistence unit starts (schema, metadata) before the clock runs: the pass, not the boot, is measured
            service.list(Caller.system("bench"), "370500", null, null, null);
            long t0 = System.nanoTime();
            PassResult first = pass.run(clock.instant());
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            assertNull(first.failure(), first.failure());
            long reads = campaigns.reads.get() + hotline.reads + staffing.reads.get() + findings.reads.get() + rectificationReads.get();
            long t1 = System.nanoTime();
            PassResult second = pass.run(clock.instant());
            long secondMs = (System.nanoTime() - t1) / 1_000_000;
            assertEquals(0, second.changed(), "the same day again raises and reminds nothing");
            clock.advance(java.time.Duration.ofDays(1));
            long t2 = System.nanoTime();
            PassResult nextDay = pass.run(clock.instant());
            long nextDayMs = (System.nanoTime() - t2) / 1_000_000;
            long raised = service.list(Caller.system("bench"), "370500", null, null, null).size()
                    + service.list(Caller.system("bench"), "370522", null, null, null).size()
                    + service.list(Caller.system("bench"), "370523", null, null, null).size();
            String report = String.format("WarningPassBench (%s): %d units, %d jurisdictions, %d published campaigns (%d unit results), "
                            + "%d 12345 rows, %d self-reports, %d rectification items%n"
                            + "  first daily pass:  %d ms (%d hits raised as %d warnings, %d reads of other services)%n"
                            + "  same day again:    %d ms (%d hits, %d changed)%n"
                            + "  next day:          %d ms (%d changed: the 12345 window moved to November); ledger then holds %d warnings%n",
                    Instant.now(), units.size(), JURISDICTIONS.length, campaigns.results.size(), historyResults, hotline.rows,
                    nextInput - 1, items, firstMs, first.examined(), first.changed(), reads, secondMs, second.examined(), second.changed(),
                    nextDayMs, nextDay.changed(), raised);
            System.out.print(report);
            Path out = Path.of("target", "bench.txt");
            Files.writeString(out, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertTrue(firstMs < 5_000, "first pass " + firstMs + " ms");
            assertTrue(secondMs < 5_000, "second pass " + secondMs + " ms");
        } finally {
            jpa.close();
        }
    }

    private static List<UnitResult> results(List<Long> ids, Random random) {
        List<UnitResult> r = new ArrayList<>(ids.size());
        for (Long id : ids) {
            boolean veto = random.nextInt(200) == 0;
            int total = veto ? 0 : 55 + random.nextInt(45);
            r.add(Fakes.result(id, String.valueOf(total), String.valueOf(50 + random.nextInt(50)), String.valueOf(50 + random.nextInt(50)), veto));
        }
        return r;
    }

    /** 12345 on-time rates per unit and day, aggregated by scanning the rows in the window like a range query would. */
    static final class Hotline extends Fakes.PlatformData {
        final Map<String, long[]> unitsOf = new HashMap<>();
        final Map<Long, short[]> rates = new HashMap<>();
        final LocalDate from;
        long rows;
        long reads;

        Hotline(List<Unit> units, LocalDate from, LocalDate to, Random random) {
            this.from = from;
            int days = (int) (to.toEpochDay() - from.toEpochDay());
            for (Unit u : units) {
                short[] perDay = new short[days];
                int base = 85 + random.nextInt(15);
                for (int d = 0; d < days; d++) {
                    perDay[d] = (short) Math.min(100, base + random.nextInt(7) - 3);
                }
                rates.put(u.id(), perDay);
                rows += days;
            }
            for (Unit u : units) {
                long[] old = unitsOf.getOrDefault(u.jurisdictionCode(), new long[0]);
                long[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = u.id();
                unitsOf.put(u.jurisdictionCode(), grown);
            }
        }

        @Override
        public List<Aggregate> aggregate(Caller caller, String jurisdictionCode, String metric, LocalDate a, LocalDate b) {
            reads++;
            int start = (int) (a.toEpochDay() - from.toEpochDay());
            int end = (int) (b.toEpochDay() - from.toEpochDay());
            List<Aggregate> out = new ArrayList<>();
            for (long unit : unitsOf.getOrDefault(jurisdictionCode, new long[0])) {
                short[] perDay = rates.get(unit);
                long sum = 0;
                int n = 0;
                for (int d = Math.max(0, start); d <= end && d < perDay.length; d++) {
                    sum += perDay[d];
                    n++;
                }
                if (n > 0) {
                    out.add(new Aggregate(metric, unit, BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.HALF_UP),
                            n, List.of(1L)));
                }
            }
            return out;
        }
    }
}
