package cn.supervision.duty.coverage.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.fakes.FakeIndicatorSystemService;

/** Units with typed duties, callers of every kind, and systems whose template A1 is 履行主要职责. */
final class Fixture {
    static final String CITY_CODE = "370500";
    static final String GR = "370523";
    static final String LJ = "370522";
    static final Caller OFFICE = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), GR, null);
    static final Caller LEADER = new Caller("guangrao-leader", Set.of(Role.LEADER), GR, null);
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), CITY_CODE, null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), LJ, null);
    static final Caller UNIT = new Caller("czj-user", Set.of(Role.UNIT_USER), GR, "CZJ");

    private Fixture() {
    }

    static Period year(int y) {
        return new Period(Period.PeriodType.YEAR, y, null);
    }

    static Period quarter(int y, int q) {
        return new Period(Period.PeriodType.QUARTER, y, q);
    }

    /** A unit with {@code duties} untyped-but-inspection duties numbered 1..n (ids unitId*1000+n in FakeRegistry). */
    static Unit unit(long id, String jurisdiction, String code, UnitStatus status, int duties) {
        List<Duty> list = IntStream.rangeClosed(1, duties)
                .mapToObj(n -> new Duty(null, n, code + "职责" + n, DutyType.INSPECTION, List.of())).toList();
        return new Unit(id, code, "单位" + code, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, status,
                new Mandate(list, List.of(), Staffing.NONE), 1, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    /** Every system version has template A1 (履行主要职责) with one child A1-1 under it. */
    static IndicatorSystemService systems() {
        Indicator a1 = new Indicator("A1", "履行主要职责", null, null, new BigDecimal("30"), null, null, null, List.of());
        SystemDefinition def = new SystemDefinition("体系", 2026, Set.of(UnitKind.GOVERNMENT_DEPARTMENT), Aggregation.POINTS,
                new BigDecimal("100"), null, null, null, List.of(a1), List.of());
        return new FakeIndicatorSystemService() {
            @Override
            public IndicatorSystem get(Caller caller, long id) {
                return new IndicatorSystem(id, GR, "gr", 1, SystemStatus.PUBLISHED, null, "h", def,
                        Instant.EPOCH, "seed", Instant.EPOCH, "seed", Instant.EPOCH, "seed");
            }
        };
    }
}
