package cn.supervision.api.registry;

/**
 * The type of a main duty or of a power-list item, after the categories of the power and responsibility list practice
 * (权责清单): the ten kinds of administrative power, public services, and for duties only the policy, coordination and
 * internal-management kinds that no power item carries.
 */
public enum DutyType {
    LICENSING("行政许可", true),
    PENALTY("行政处罚", true),
    COERCION("行政强制", true),
    LEVY("行政征收", true),
    PAYMENT("行政给付", true),
    INSPECTION("行政检查", true),
    CONFIRMATION("行政确认", true),
    AWARD("行政奖励", true),
    RULING("行政裁决", true),
    OTHER_POWER("其他行政权力", true),
    PUBLIC_SERVICE("公共服务", true),
    POLICY_PLANNING("政策规划", false),
    COORDINATION("统筹协调", false),
    INTERNAL_MANAGEMENT("内部管理", false);

    private final String label;
    private final boolean powerItemType;

    DutyType(String label, boolean powerItemType) {
        this.label = label;
        this.powerItemType = powerItemType;
    }

    public String label() {
        return label;
    }

    /** Whether a power-list item (事项) may have this type; the others are for duties only. */
    public boolean powerItemType() {
        return powerItemType;
    }

    /** By Chinese label or constant name; null when neither matches. */
    public static DutyType fromLabel(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (DutyType d : values()) {
            if (d.label.equals(t) || d.name().equalsIgnoreCase(t)) {
                return d;
            }
        }
        return null;
    }
}
