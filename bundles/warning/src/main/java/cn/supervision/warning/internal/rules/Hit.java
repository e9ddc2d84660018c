package cn.supervision.warning.internal.rules;

import java.util.Map;

import cn.supervision.api.warning.WarningRule;

/** What a rule found: one unit, what about ({@code subject}), in words and in values. */
public record Hit(long unitId, WarningRule rule, String subject, String description, Map<String, String> values) {
    public Hit {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
