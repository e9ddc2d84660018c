package cn.supervision.warning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.security.Caller;
import cn.supervision.api.warning.WarningRule;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.warning.internal.rules.DutyNotAssessedRule;
import cn.supervision.warning.internal.rules.Facts;
import cn.supervision.warning.internal.rules.Hit;
import cn.supervision.warning.internal.rules.Sources;
import cn.supervision.testing.fakes.FakeCoverageService;

/** A warning per unit whose active duties no campaign assessed in N years (default 3), naming the duties. */
class DutyNotAssessedRuleTest {
    static final String GR = "370523";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(
            Fakes.unit(1, GR, "CZJ", Staffing.NONE), Fakes.unit(2, GR, "GAJ", Staffing.NONE)));
    final Fakes.Campaigns campaigns = new Fakes.Campaigns();
    final Stale coverage = new Stale();
    WarningConfig config = WarningConfig.defaults();

    /** Answers the stale duties it was given and records the question. */
    static final class Stale extends FakeCoverageService {
        final List<StaleDuty> stale = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public List<StaleDuty> notAssessed(Caller caller, String jurisdictionCode, int years, int untilYear) {
            asked.add(jurisdictionCode + " " + years + " " + untilYear + (caller.isSystem() ? " system" : ""));
            return stale;
        }
    }

    Sources sources(CoverageService service) {
        return new Sources(registry, campaigns, new Fakes.PlatformData(), () -> null, () -> null, () -> null, () -> service);
    }

    List<Hit> run(CoverageService service, Facts[] facts) {
        facts[0] = new Facts(sources(service), Caller.system("test"), GR, TODAY, config);
        return new DutyNotAssessedRule().evaluate(facts[0]);
    }

    List<Hit> run() {
        return run(coverage, new Facts[1]);
    }

    @Test
    void oneWarningPerUnitNamingItsDutiesOverTheDefaultThreeYears() {
        coverage.stale.add(new StaleDuty(1002, 1, "单位CZJ", 2, "负责财政监督检查", null));
        coverage.stale.add(new StaleDuty(1005, 1, "单位CZJ", 5, "管理政府采购", 2022));
        coverage.stale.add(new StaleDuty(7001, 7, "别处单位", 1, "不在本辖区存续单位中", null));
        List<Hit> hits = run();
        assertEquals(List.of("370523 3 2026 system"), coverage.asked, "three years up to this year, with the platform's scope");
        assertEquals(1, hits.size(), "a unit the jurisdiction does not list is left out");
        Hit h = hits.get(0);
        assertEquals(1L, h.unitId());
        assertEquals(WarningRule.DUTY_NOT_ASSESSED, h.rule());
        assertEquals("duties:2026", h.subject(), "once per unit and year");
        assertEquals("单位CZJ 有 2 项主要职责近 3 年（2024—2026年）未被任何监管活动评估："
                + "第2项 负责财政监督检查（从未评估）；第5项 管理政府采购（最近评估于2022年）", h.description());
        assertEquals("1002,1005", h.values().get("dutyIds"));
        assertEquals("2,5", h.values().get("dutyNumbers"));
        assertEquals("2024", h.values().get("fromYear"));
    }

    @Test
    void theWindowIsConfigurableAndValidated() {
        config = new WarningConfig("", "60", "10", "hotline12345.onTimeRate", "90", "MONTH", "7", "5");
        coverage.stale.add(new StaleDuty(2001, 2, "单位GAJ", 1, "维护社会治安", 2020));
        List<Hit> hits = run();
        assertEquals(List.of("370523 5 2026 system"), coverage.asked);
        assertTrue(hits.get(0).description().contains("近 5 年（2022—2026年）"), hits.get(0).description());
        assertEquals(3, WarningConfig.defaults().dutyYears());
        assertEquals(3, new WarningConfig("", "60", "10", "", "90", "MONTH", "7").dutyYears(), "older configurations: 3");
        for (String bad : List.of("0", "31", "三")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new WarningConfig("", "60", "10", "", "90", "MONTH", "7", bad));
            assertTrue(e.getMessage().contains("dutyNotAssessed.years"), e.getMessage());
        }
    }

    @Test
    void manyDutiesAreCountedBeyondTheFirstTenAndNoStaleDutyNoWarning() {
        assertEquals(List.of(), run());
        IntStream.rangeClosed(1, 12).forEach(n -> coverage.stale.add(new StaleDuty(1000 + n, 1, "单位CZJ", n, "职责" + n, null)));
        Hit h = run().get(0);
        assertTrue(h.description().endsWith("第10项 职责10（从未评估） 等 12 项"), h.description());
        assertEquals(12, h.values().get("dutyIds").split(",").length);
    }

    @Test
    void withoutTheCoverageServiceTheRuleNotesThatItDidNotRun() {
        Facts[] facts = new Facts[1];
        assertEquals(List.of(), run(null, facts));
        assertTrue(facts[0].notes().get(0).startsWith("DUTY_NOT_ASSESSED"), facts[0].notes().toString());
    }

    @Test
    void theEngineRunsTheRuleUnlessSwitchedOff() {
        coverage.stale.add(new StaleDuty(1002, 1, "单位CZJ", 2, "负责财政监督检查", null));
        RuleEngine.Outcome on = new RuleEngine(sources(coverage), config).evaluate(Caller.system("test"), GR, TODAY);
        assertEquals(1, on.hits().stream().filter(h -> h.rule() == WarningRule.DUTY_NOT_ASSESSED).count());
        WarningConfig off = new WarningConfig("DUTY_NOT_ASSESSED", "60", "10", "", "90", "MONTH", "7", "3");
        RuleEngine.Outcome none = new RuleEngine(sources(coverage), off).evaluate(Caller.system("test"), GR, TODAY);
        assertEquals(0, none.hits().stream().filter(h -> h.rule() == WarningRule.DUTY_NOT_ASSESSED).count());
    }
}
