package cn.supervision.api.cooperation;

/** The cooperating departments of art. 5 of the measures. */
public enum DepartmentKind {
    DISCIPLINE_INSPECTION("纪检监察机关"),
    INSPECTION_TOUR("巡察机构"),
    GOVERNMENT_SUPERVISION("政府督查部门"),
    ORGANISATION("组织部门"),
    HUMAN_RESOURCES("人力资源社会保障部门"),
    FINANCE("财政部门"),
    AUDIT("审计部门"),
    OTHER("其他部门");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
