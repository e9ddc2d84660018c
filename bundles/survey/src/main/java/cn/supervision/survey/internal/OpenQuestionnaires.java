package cn.supervision.survey.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireState;

/**
 * Open questionnaires as the public pages need them, so an answer costs one insert and no lookup of the definition.
 * Bounded in size and age: a platform with years of campaigns must not keep every questionnaire ever opened, and an
 * entry re-read after {@code ttl} picks up a change made outside this service.
 */
final class OpenQuestionnaires {
    static final int DEFAULT_SIZE = 1_000;
    static final Duration DEFAULT_TTL = Duration.ofMinutes(30);

    private final Cache<Long, Questionnaire> cache;

    OpenQuestionnaires(int maximumSize, Duration ttl, Clock clock) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(ttl)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run) // evict on the caller's thread: no pool to stop, and the bound holds when the call returns
                .build();
    }

    /** The questionnaire from the cache, else loaded and kept if it is open. */
    Questionnaire get(long id, LongFunction<Questionnaire> load) {
        Questionnaire q = cache.getIfPresent(id);
        if (q == null) {
            q = load.apply(id);
            if (q.state() == QuestionnaireState.OPEN) {
                cache.put(id, q);
            }
        }
        return q;
    }

    /** The cached open questionnaire with this shared-link key, or null (the caller then asks the database). */
    Questionnaire byLink(String linkKey) {
        for (Questionnaire q : cache.asMap().values()) {
            if (linkKey.equals(q.openLinkKey())) {
                return q;
            }
        }
        return null;
    }

    void opened(Questionnaire q) {
        cache.put(q.id(), q);
    }

    void closed(long id) {
        cache.invalidate(id);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
