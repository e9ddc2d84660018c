package cn.supervision.api.registry;

/** A duty's part in work shared with another unit's duty (职责边界中的牵头与配合). */
public enum DutyRole {
    LEAD("牵头"),
    ASSIST("配合");

    private final String label;

    DutyRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
