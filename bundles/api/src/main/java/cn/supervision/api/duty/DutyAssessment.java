package cn.supervision.api.duty;

import java.util.List;

import cn.supervision.api.registry.DutyType;

/** Whether one main duty was assessed in the period or campaign looked at, and by what. */
public record DutyAssessment(long dutyId, int number, String text, DutyType type, boolean assessed,
                             List<AssessedBy> assessedBy) {

    public DutyAssessment {
        assessedBy = List.copyOf(assessedBy);
    }
}
