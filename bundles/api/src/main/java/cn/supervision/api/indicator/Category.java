package cn.supervision.api.indicator;

/**
 * The five second-level indicators of the measures. Every leaf of every system maps to one of them, whatever
 * shape a county gives its tree, so campaigns can select indicators by category.
 */
public enum Category {
    CORE(Dimension.DUTY, "核心职责"),
    AUXILIARY(Dimension.DUTY, "辅助职责"),
    PEER_REVIEW(Dimension.CORROBORATION, "部门互评"),
    PUBLIC_EVALUATION(Dimension.CORROBORATION, "社会评议"),
    PLATFORM_DATA(Dimension.CORROBORATION, "平台数据");

    private final Dimension dimension;
    private final String label;

    Category(Dimension dimension, String label) {
        this.dimension = dimension;
        this.label = label;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String label() {
        return label;
    }

    /** By code name or Chinese label (also the common variants 核心 / 辅助 / 互评 / 社会评价 / 平台). */
    public static Category fromText(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (Category c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.label.equals(t)) {
                return c;
            }
        }
        if (t.contains("核心")) {
            return CORE;
        }
        if (t.contains("辅助")) {
            return AUXILIARY;
        }
        if (t.contains("互评")) {
            return PEER_REVIEW;
        }
        if (t.contains("社会评") || t.contains("群众评") || t.contains("公众评")) {
            return PUBLIC_EVALUATION;
        }
        if (t.contains("平台")) {
            return PLATFORM_DATA;
        }
        return null;
    }
}
