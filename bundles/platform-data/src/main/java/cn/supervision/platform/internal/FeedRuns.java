package cn.supervision.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.platform.FeedRun;
import cn.supervision.platform.internal.model.FeedRunEntity;

/** The history of feed runs: each run with its attempts and outcome. */
final class FeedRuns {
    private final JpaTemplate jpa;
    private final Clock clock;

    FeedRuns(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    long open(String feed) {
        return jpa.txExpr(TransactionType.Required, em -> {
            FeedRunEntity e = new FeedRunEntity(feed, clock.millis());
            em.persist(e);
            em.flush();
            return e.getId();
        });
    }

    void attempted(long runId, String message) {
        jpa.tx(TransactionType.Required, em -> em.find(FeedRunEntity.class, runId).attempt(message));
    }

    FeedRun finish(long runId, int attempts, FeedRun.Outcome outcome, String message, String clientBatchId, Integer rows) {
        return jpa.txExpr(TransactionType.Required, em -> {
            FeedRunEntity e = em.find(FeedRunEntity.class, runId);
            while (e.getAttempts() < attempts) {
                e.attempt(message);
            }
            e.finish(outcome.name(), message, clientBatchId, rows, clock.millis());
            return toValue(e);
        });
    }

    List<FeedRun> of(String feed, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from FeedRunEntity r where r.feed = :f order by r.id desc", FeedRunEntity.class)
                .setParameter("f", feed).setMaxResults(Math.max(1, Math.min(limit, 1_000))).getResultList()
                .stream().map(FeedRuns::toValue).toList());
    }

    private static FeedRun toValue(FeedRunEntity e) {
        return new FeedRun(e.getId(), e.getFeed(), Instant.ofEpochMilli(e.getStartedAt()),
                e.getFinishedAt() == null ? null : Instant.ofEpochMilli(e.getFinishedAt()), e.getAttempts(),
                FeedRun.Outcome.valueOf(e.getOutcome()), e.getMessage(), e.getClientBatchId(), e.getRowCount());
    }
}
