package cn.supervision.api.task;

/** Who must carry a task out: a unit of the registry, a cooperating department, or the staffing office itself. */
public enum OwnerKind {
    /** {@code ownerCode}: a unit code of the task's jurisdiction. */
    UNIT("单位"),
    /** {@code ownerCode}: a cooperating department's code of the task's jurisdiction. */
    DEPARTMENT("协作部门"),
    /** {@code ownerCode}: null; the office of the task's jurisdiction. */
    OFFICE("机构编制部门");

    private final String label;

    OwnerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
