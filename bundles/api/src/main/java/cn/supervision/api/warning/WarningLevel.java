package cn.supervision.api.warning;

/** The colour of a warning (预警等级): red for compliance, yellow for performance, blue for efficiency. */
public enum WarningLevel {
    RED("红色预警（合规）"),
    YELLOW("黄色预警（绩效）"),
    BLUE("蓝色预警（效能）");

    private final String label;

    WarningLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
