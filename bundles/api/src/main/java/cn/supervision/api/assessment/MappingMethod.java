package cn.supervision.api.assessment;

/** How a routine campaign's result becomes the assessment indicator's points. */
public enum MappingMethod {
    /** points = total (0–100) × scaleMax / 100, at least {@code floor}, at most scaleMax, then rounded. */
    LINEAR("按总分折算"),
    /** points = the points the mapping gives the unit's grade (every grade must be mapped). */
    GRADE("按等次折算");

    private final String label;

    MappingMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
