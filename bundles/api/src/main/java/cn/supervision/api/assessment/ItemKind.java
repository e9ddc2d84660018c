package cn.supervision.api.assessment;

/** A proposed assessment item from a special campaign: points added or taken off. */
public enum ItemKind {
    BONUS("加分"),
    DEDUCTION("扣分");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
