package cn.supervision.api.indicator;

/** The two first-level indicators of the measures (art. 6–7). */
public enum Dimension {
    /** 职责指标: the self view. */
    DUTY("职责指标"),
    /** 印证指标: the third-party view. */
    CORROBORATION("印证指标");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
