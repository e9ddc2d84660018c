package cn.supervision.api.campaign;

import java.util.List;

/**
 * A working-group member (工作组, art. 16) and what they grade: indicator codes and unit ids, each empty meaning all.
 * Only members grade (EVALUATOR inputs), and only what they are assigned.
 */
public record Member(String username, MemberRole role, List<String> indicatorCodes, List<Long> unitIds) {

    public Member {
        indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }

    public boolean grades(String code, long unitId) {
        return (indicatorCodes.isEmpty() || indicatorCodes.contains(code)) && (unitIds.isEmpty() || unitIds.contains(unitId));
    }

    /** The staffing office leads; the cooperating departments of art. 5; experts; the "two representatives and one member". */
    public enum MemberRole {
        STAFFING_OFFICE("机构编制部门"),
        DISCIPLINE_INSPECTION("纪检监察"),
        INSPECTION_TOUR("巡察"),
        GOVERNMENT_SUPERVISION("政府督查"),
        ORGANISATION("组织人事"),
        FINANCE("财政"),
        AUDIT("审计"),
        EXPERT("专家学者"),
        REPRESENTATIVE("“两代表一委员”");

        private final String label;

        MemberRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
