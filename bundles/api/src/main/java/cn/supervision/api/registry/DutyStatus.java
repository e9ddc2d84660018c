package cn.supervision.api.registry;

/** A duty is never deleted: a revision that drops it retires it. */
public enum DutyStatus {
    ACTIVE("现行"),
    RETIRED("已取消");

    private final String label;

    DutyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
