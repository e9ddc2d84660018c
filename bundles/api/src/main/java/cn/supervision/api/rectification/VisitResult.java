package cn.supervision.api.rectification;

/** The finding of a follow-up visit (回访). */
public enum VisitResult {
    RECTIFIED("整改到位"),
    NOT_RECTIFIED("整改不到位");

    private final String label;

    VisitResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
