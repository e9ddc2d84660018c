package cn.supervision.registry.rest;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.registry.rest.UnitListTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;

class DutyResourceTest {
    static final Caller CITY = new Caller("city", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller UNIT_USER = new Caller("scjg", Set.of(Role.UNIT_USER), "370500", "SCJG");
    static final Caller GUANGRAO = new Caller("gr", Set.of(Role.COUNTY_ADMIN), "370523", null);

    private static Unit unit(long id, String code, Duty... duties) {
        return new Unit(id, code, code + "局", null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE,
                new Mandate(List.of(duties), List.of(), Staffing.NONE), 1, Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    private final DutyResource resource = new DutyResource(new FakeRegistry(FakeRegistry.DONGYING, List.of(
            unit(1, "SCJG", new Duty(null, 1, "负责食品经营许可。", DutyType.LICENSING, List.of()), new Duty(2, "负责计量。")),
            unit(2, "NYNC", new Duty(1, "负责种植业。")))));

    private static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void listsByUnitOrJurisdictionAndReadsOne() {
        assertEquals(List.of(1001L, 1002L, 2001L), resource.list(as(CITY), "370500", null, false).stream().map(DutyRecord::id).toList());
        List<DutyRecord> own = resource.list(as(UNIT_USER), null, 1L, true);
        assertEquals(DutyType.LICENSING, own.get(0).type());
        assertEquals(own.get(1), resource.get(as(UNIT_USER), 1002L));
    }

    @Test
    void exactlyOneOfJurisdictionAndUnitIsRequired() {
        SupervisionException e = refused(ProblemKind.INVALID, () -> resource.list(as(CITY), null, null, false));
        assertEquals(List.of("jurisdiction", "unitId"), e.errors().stream().map(FieldError::field).toList());
        refused(ProblemKind.INVALID, () -> resource.list(as(CITY), "370500", 1L, false));
        refused(ProblemKind.INVALID, () -> resource.list(as(CITY), " ", null, false));
    }

    @Test
    void unitUsersAndOtherCountiesAreRefused() {
        refused(ProblemKind.FORBIDDEN, () -> resource.list(as(UNIT_USER), "370500", null, false));
        refused(ProblemKind.FORBIDDEN, () -> resource.list(as(UNIT_USER), null, 2L, false));
        refused(ProblemKind.FORBIDDEN, () -> resource.get(as(UNIT_USER), 2001L));
        refused(ProblemKind.FORBIDDEN, () -> resource.list(as(GUANGRAO), "370500", null, false));
        refused(ProblemKind.FORBIDDEN, () -> resource.get(as(GUANGRAO), 1001L));
        refused(ProblemKind.NOT_FOUND, () -> resource.list(as(CITY), null, 99L, false));
        refused(ProblemKind.NOT_FOUND, () -> resource.get(as(CITY), 99L));
    }
}
