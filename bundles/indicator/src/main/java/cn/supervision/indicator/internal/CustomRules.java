package cn.supervision.indicator.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.indicator.ScoringRule;

/** The CUSTOM rules currently offered by bundles, by id (a Blueprint reference-list listener keeps it current). */
public class CustomRules implements Function<String, ScoringRule> {
    private static final Logger LOG = LoggerFactory.getLogger(CustomRules.class);
    private final Map<String, ScoringRule> byId = new ConcurrentHashMap<>();

    public void bind(ScoringRule rule) {
        if (rule == null) {
            return;
        }
        ScoringRule previous = byId.putIfAbsent(rule.id(), rule);
        if (previous != null && previous != rule) {
            LOG.warn("Two bundles offer the scoring rule '{}'; the first one stays in use", rule.id());
        } else {
            LOG.info("Custom scoring rule '{}' available", rule.id());
        }
    }

    public void unbind(ScoringRule rule) {
        if (rule != null && byId.remove(rule.id(), rule)) {
            LOG.info("Custom scoring rule '{}' withdrawn", rule.id());
        }
    }

    @Override
    public ScoringRule apply(String id) {
        return id == null ? null : byId.get(id);
    }

    public Set<String> ids() {
        return new TreeSet<>(byId.keySet());
    }
}
