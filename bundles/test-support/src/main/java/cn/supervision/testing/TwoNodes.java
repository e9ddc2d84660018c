package cn.supervision.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.aries.jpa.template.JpaTemplate;

/**
 * The same database served by two platform nodes doing one step each at once: the first node's next write transaction
 * stops before it commits ({@link CommitGate}), the second node's step starts meanwhile, and once it waits on a lock of
 * {@code table} (or after 5 s, when nothing makes it wait: the race goes ahead) the first commits. What a test then
 * sees is what the second step decided on: the first's committed work when it waited, the state before it when not.
 */
public final class TwoNodes {
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final long LONGEST_SECONDS = 30;

    private TwoNodes() {
    }

    /**
     * Runs {@code first} on a node made by {@code node} over {@code jpa}'s database and {@code then} on a second, as
     * above. Answers the first's result (its failure fails the test) and the second's result or the exception it threw.
     */
    public static <S> List<Object> atOnce(LocalJpaTemplate jpa, String table, Function<JpaTemplate, S> firstNode,
                                          Function<JpaTemplate, S> secondNode, Function<S, Object> first, Function<S, Object> then)
            throws Exception {
        CommitGate gate = new CommitGate(jpa.jdbcInTransaction());
        try (LocalJpaTemplate second = jpa.secondNode()) {
            S a = firstNode.apply(gate);
            S b = secondNode.apply(second.jdbcInTransaction());
            gate.holdNext();
            CompletableFuture<Object> one = CompletableFuture.supplyAsync(() -> first.apply(a));
            gate.awaitHeld();
            CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> outcome(() -> then.apply(b)));
            jpa.database().awaitLockWait(table, LOCK_WAIT);
            gate.open();
            List<Object> out = new ArrayList<>();
            out.add(one.get(LONGEST_SECONDS, TimeUnit.SECONDS));
            out.add(other.get(LONGEST_SECONDS, TimeUnit.SECONDS));
            return out;
        } finally {
            gate.open();
        }
    }

    private static Object outcome(java.util.function.Supplier<Object> step) {
        try {
            return step.get();
        } catch (RuntimeException refused) {
            return refused;
        }
    }
}
