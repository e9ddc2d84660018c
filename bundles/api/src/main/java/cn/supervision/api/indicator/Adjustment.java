package cn.supervision.api.indicator;

import java.math.BigDecimal;

/**
 * A bonus, deduction or veto item outside the base. Bonus and deduction items score by their rule, each capped
 * at {@code cap}; a veto item's rule is VETO and {@code vetoEffect} says what it does.
 */
public record Adjustment(String code, String name, AdjustmentKind kind, String description, RuleSpec rule,
                         BigDecimal cap, VetoEffect vetoEffect) {
}
