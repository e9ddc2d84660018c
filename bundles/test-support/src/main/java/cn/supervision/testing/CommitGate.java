package cn.supervision.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A node whose next write transaction stops before it commits: a {@link JpaTemplate} over another whose next
 * {@link TransactionType#Required} transaction after {@link #holdNext()}, its work done, waits at the gate with
 * everything it locked and wrote still uncommitted, until the test {@link #open()}s it. Meanwhile the test runs the
 * same operation on a second node, to see whether that one waits for the first or races it. Every other transaction
 * passes straight through.
 */
public final class CommitGate extends AbstractJpaTemplate {
    private static final Duration LONGEST = Duration.ofSeconds(60);

    private final JpaTemplate target;
    private final AtomicReference<Held> next = new AtomicReference<>();

    private record Held(AtomicBoolean taken, CountDownLatch reached, CountDownLatch open) { }

    public CommitGate(JpaTemplate target) {
        this.target = target;
    }

    /** The next write transaction will wait before it commits. */
    public void holdNext() {
        next.set(new Held(new AtomicBoolean(), new CountDownLatch(1), new CountDownLatch(1)));
    }

    /** Waits until the held transaction is at the gate (its work done, nothing committed). */
    public void awaitHeld() {
        Held held = next.get();
        if (held == null) {
            throw new IllegalStateException("holdNext() first");
        }
        try {
            if (!held.reached().await(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no write transaction reached the gate in " + LONGEST);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lets the held transaction commit. */
    public void open() {
        Held held = next.getAndSet(null);
        if (held != null) {
            held.open().countDown();
        }
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        Held held = type == TransactionType.Required ? next.get() : null;
        if (held == null || !held.taken().compareAndSet(false, true)) {
            return target.txExpr(type, code);
        }
        return target.txExpr(type, em -> {
            R r;
            try {
                r = code.apply(em);
            } finally {
                held.reached().countDown(); // a failed transaction too: the test sees it rather than waiting
            }
            try {
                if (!held.open().await(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate was not opened in " + LONGEST);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return r;
        });
    }
}
