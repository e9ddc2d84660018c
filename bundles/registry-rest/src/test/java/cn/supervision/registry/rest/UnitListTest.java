package cn.supervision.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;

/** A jurisdiction's unit list answers summaries by default; the mandate's text only with view=full or by id. */
class UnitListTest {
    static final Caller CITY = new Caller("city", Set.of(Role.CITY_ADMIN), "370500", null);

    private static final Unit CZJ = new Unit(7, "CZJ", "东营市财政局", "财政局", UnitKind.GOVERNMENT_DEPARTMENT, "370500", null,
            UnitStatus.ACTIVE, new Mandate(List.of(new Duty(1, "负责全市财政收支管理。"), new Duty(2, "拟订财政发展规划。"),
            new Duty(3, "管理政府债务。")), List.of("办公室", "预算科"), new Staffing(40, 5, 6)), 3,
            Instant.EPOCH, "t", Instant.ofEpochSecond(60), "u");
    private static final Unit GRJ = new Unit(9, "GRJ", "广饶县某局", null, UnitKind.PUBLIC_INSTITUTION, "370523", null,
            UnitStatus.ACTIVE, Mandate.EMPTY, 1, Instant.EPOCH, "t", Instant.EPOCH, "t");

    private final JurisdictionsResource resource =
            new JurisdictionsResource(new FakeRegistry(FakeRegistry.DONGYING, List.of(CZJ, GRJ)));

    /** Also DutyResourceTest's: one typed context for the module rather than a Proxy keyed by method names. */
    static SecurityContext as(Caller caller) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BASIC";
            }
        };
    }

    @Test
    void theListIsOfSummariesWithTheMandateCounted() {
        List<?> listed = resource.units(as(CITY), "370500", false, "summary");
        assertEquals(List.of(new UnitSummary(7, "CZJ", "东营市财政局", "财政局", UnitKind.GOVERNMENT_DEPARTMENT, "370500", null,
                UnitStatus.ACTIVE, 3, Instant.ofEpochSecond(60), 3, 2, new Staffing(40, 5, 6))), listed);
    }

    @Test
    void viewFullKeepsTheWholeUnits() {
        List<?> listed = resource.units(as(CITY), "370500", false, "full");
        assertEquals(1, listed.size());
        assertSame(CZJ, listed.get(0));
    }

    @Test
    void anUnknownViewIsRefused() {
        SupervisionException e = assertThrows(SupervisionException.class,
                () -> resource.units(as(CITY), "370500", false, "mandates"));
        assertEquals(ProblemKind.INVALID, e.kind());
    }

    /** Clients (and the ITs) read a listed unit as they read a full one: same names, same order, up to the mandate. */
    @Test
    void aSummaryReadsLikeTheUnitUpToItsMandate() {
        List<String> unit = Arrays.stream(Unit.class.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> summary = Arrays.stream(UnitSummary.class.getRecordComponents()).map(RecordComponent::getName).toList();
        int mandate = unit.indexOf("mandate");
        assertEquals(unit.subList(0, mandate), summary.subList(0, mandate));
        assertTrue(summary.containsAll(List.of("revision", "updatedAt", "dutyCount", "internalBodyCount", "staffing")));
        assertTrue(!summary.contains("mandate"));
    }
}
