package cn.supervision.registry.rest;

import java.time.Instant;
import java.time.LocalDate;

import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.Unit;

/**
 * A unit's current staffing in use beside its approved numbers (核定编制). A difference is actual minus approved:
 * above zero is over-staffing (超编 / 超配), below zero vacancies.
 */
public record StaffingView(long unitId, String unitCode, String unitName, LocalDate asOf, int administrativeStaff,
                           int institutionalStaff, int extraStaff, int leadershipPostsFilled, Staffing approved,
                           int administrativeDifference, int institutionalDifference, int leadershipDifference,
                           boolean overStaffed, String recordedBy, Instant recordedAt) {

    static StaffingView of(Unit unit, StaffingInUse s) {
        Staffing a = unit.mandate().staffing();
        int adm = s.administrativeStaff() - a.administrativeSlots();
        int inst = s.institutionalStaff() - a.institutionalSlots();
        int lead = s.leadershipPostsFilled() - a.leadershipPosts();
        return new StaffingView(unit.id(), unit.code(), unit.name(), s.asOf(), s.administrativeStaff(),
                s.institutionalStaff(), s.extraStaff(), s.leadershipPostsFilled(), a, adm, inst, lead,
                adm > 0 || inst > 0 || lead > 0, s.recordedBy(), s.recordedAt());
    }
}
