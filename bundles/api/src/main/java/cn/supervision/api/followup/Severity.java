package cn.supervision.api.followup;

/** How serious a finding is. */
public enum Severity {
    GENERAL("一般"),
    SERIOUS("较重"),
    GRAVE("严重");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
