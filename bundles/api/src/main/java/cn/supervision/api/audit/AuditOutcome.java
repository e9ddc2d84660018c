package cn.supervision.api.audit;

/** How a recorded request ended, derived from its status: 2xx/3xx, 4xx, 5xx. */
public enum AuditOutcome {
    SUCCEEDED("成功"),
    REFUSED("被拒绝"),
    FAILED("出错");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AuditOutcome of(int status) {
        return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCEEDED;
    }
}
