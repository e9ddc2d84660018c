package cn.supervision.api.duty;

public enum PowerItemStatus {
    CURRENT("现行"),
    SUPERSEDED("已被新清单替代");

    private final String label;

    PowerItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
