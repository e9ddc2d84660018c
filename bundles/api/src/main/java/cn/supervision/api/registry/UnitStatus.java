package cn.supervision.api.registry;

/** Units are never deleted: a merged or abolished unit keeps its record and history. */
public enum UnitStatus {
    ACTIVE("存续"),
    MERGED("已合并"),
    ABOLISHED("已撤销");

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static UnitStatus fromLabel(String text) {
        for (UnitStatus s : values()) {
            if (s.label.equals(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
