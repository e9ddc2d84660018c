package cn.supervision.api.campaign;

import java.util.EnumSet;
import java.util.Set;

import cn.supervision.api.indicator.Category;

/**
 * Routine supervision (常规监管, art. 10–14) is rolling and normally uses CORE, AUXILIARY, PUBLIC_EVALUATION and
 * PLATFORM_DATA; special supervision (专项监管, art. 12–15) follows a major decision or urgent duty and uses all five.
 */
public enum CampaignKind {
    ROUTINE("常规监管"),
    SPECIAL("专项监管");

    private final String label;

    CampaignKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<Category> defaultCategories() {
        return this == ROUTINE
                ? EnumSet.of(Category.CORE, Category.AUXILIARY, Category.PUBLIC_EVALUATION, Category.PLATFORM_DATA)
                : EnumSet.allOf(Category.class);
    }
}
