package cn.supervision.api.indicator;

/**
 * The bounds of an indicator-system definition: the platform's validator refuses what exceeds them and the published
 * JSON Schema states them (a test holds the two together), so a county office learns them before it uploads.
 */
public final class DefinitionLimits {
    /** Levels of the indicator tree, first-level indicators being level 1. */
    public static final int MAX_DEPTH = 8;
    /** Indicators in the whole tree. */
    public static final int MAX_NODES = 2_000;
    /** Bonus, deduction and veto items. */
    public static final int MAX_ADJUSTMENTS = 200;
    /** Tiers, bands, levels and parameters of one rule, each. */
    public static final int MAX_RULE_ITEMS = 100;
    /** Characters of a name, a level's label, a custom rule's id or a parameter's name. */
    public static final int MAX_NAME = 200;
    /** Characters of a description, assessment points, evidence or a parameter's value. */
    public static final int MAX_TEXT = 4_000;
    /** An indicator's or adjustment's code (the schema anchors it). */
    public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}";
    /** The years a system may be for. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private DefinitionLimits() {
    }
}
