package cn.supervision.duty.coverage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.supervision.api.duty.AssessedBy;
import cn.supervision.api.duty.DutyAssessment;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.UnitCoverage;
import cn.supervision.api.registry.Unit;

/** Puts units, their duties and what assessed them together, with the counts per unit and in total. */
final class CoverageAssembler {
    private CoverageAssembler() {
    }

    /** One unit's line. */
    record UnitDuties(Unit unit, List<DutyRow> duties) { }

    static DutyCoverage assemble(String jurisdictionCode, Long campaignId, Integer year, List<UnitDuties> units,
                                 Assessments assessments) {
        List<UnitCoverage> out = new ArrayList<>(units.size());
        int duties = 0;
        int assessed = 0;
        for (UnitDuties ud : units) {
            UnitCoverage uc = unit(ud, assessments);
            out.add(uc);
            duties += uc.duties();
            assessed += uc.assessed();
        }
        return new DutyCoverage(jurisdictionCode, campaignId, year, duties, assessed, out);
    }

    private static UnitCoverage unit(UnitDuties ud, Assessments assessments) {
        List<DutyRow> rows = new ArrayList<>(ud.duties());
        rows.sort(Comparator.comparingInt(DutyRow::number).thenComparingLong(DutyRow::id));
        List<DutyAssessment> items = new ArrayList<>(rows.size());
        int assessed = 0;
        for (DutyRow d : rows) {
            List<AssessedBy> by = assessments.of(d.id());
            if (!by.isEmpty()) {
                assessed++;
            }
            items.add(new DutyAssessment(d.id(), d.number(), d.text(), d.type(), !by.isEmpty(), by));
        }
        Unit u = ud.unit();
        return new UnitCoverage(u.id(), u.code(), u.name(), items.size(), assessed, items);
    }
}
