package cn.supervision.registry.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.supervision.api.registry.Mandate;

/**
 * Stored mandates parsed once: every unit list (summaries count duties and bodies from the mandate) parsed each
 * unit's JSON again, a sixth of the node's CPU under 20 clients reading a city's list. Keyed by the stored text itself,
 * so a changed mandate (a new revision, or duty ids written back without one) is simply another key, on every node;
 * a {@link Mandate} is immutable, so one instance can be handed to every caller.
 */
final class Mandates {
    /** Characters of stored text kept, ~8 MB (with the parsed values about twice that): a province's units fit. */
    static final long MAX_CHARS = 4_000_000;

    private static final Cache<String, Mandate> PARSED = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS).weigher((String text, Mandate m) -> text.length())
            .executor(Runnable::run).build();

    private Mandates() {
    }

    static Mandate of(String stored) {
        return PARSED.get(stored, text -> RegistryJson.read(text, Mandate.class));
    }
}
