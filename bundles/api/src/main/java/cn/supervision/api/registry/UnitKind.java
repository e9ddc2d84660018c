package cn.supervision.api.registry;

/** What kind of organ or institution a unit is; indicator systems are chosen by it. */
public enum UnitKind {
    PARTY_ORGAN("党委机构"),
    GOVERNMENT_DEPARTMENT("政府部门"),
    PUBLIC_INSTITUTION("事业单位"),
    OTHER("其他");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** The Chinese label used in spreadsheets and reports. */
    public String label() {
        return label;
    }

    public static UnitKind fromLabel(String text) {
        for (UnitKind k : values()) {
            if (k.label.equals(text) || k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        return null;
    }
}
