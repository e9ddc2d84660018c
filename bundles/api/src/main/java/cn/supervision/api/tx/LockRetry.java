package cn.supervision.api.tx;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import cn.supervision.api.problem.SupervisionException;

/**
 * Runs a whole transaction again when the database gave up on a lock: a lock wait timeout or a deadlock victim
 * (SQLState 40XL1 / 40XL2 on Derby; 40P01 deadlock and 55P03 lock not available on PostgreSQL; 40001 serialization
 * failure on both) anywhere in the cause chain. Such a failure says
 * nothing about the request, only that another writer held the rows; the same work usually succeeds a few
 * milliseconds later. Attempts are bounded and spaced by a jittered, growing pause so that writers that collided do
 * not collide again in step; when every attempt lost, the caller gets {@code busy} (try again later) rather than a
 * server error.
 * <p>
 * The work must be a complete transaction that starts and ends inside it (e.g. one {@code JpaTemplate.txExpr}): a
 * failure inside an enclosing transaction cannot be retried there, because that transaction is already doomed. Work that
 * joins a caller's transaction when there is one (so that the caller's unit stays all or nothing) says how to see it
 * ({@link #outsideTransactions}): inside one, the work runs once and a lost lock reaches the transaction's owner as it was.
 */
public final class LockRetry {
    /**
     * SQLStates of a lost lock: Derby's lock timeout and deadlock, PostgreSQL's deadlock and lock timeout
     * ({@code lock_timeout}, {@code NOWAIT}), and the standard serialization failure.
     */
    public static final Set<String> SQL_STATES = Set.of("40XL1", "40XL2", "40P01", "55P03", "40001");
    public static final int DEFAULT_ATTEMPTS = 5;
    private static final long BASE_PAUSE_MS = 20;

    private final int attempts;
    private final long basePauseMs;
    private final BooleanSupplier transactionActive;

    private LockRetry(int attempts, long basePauseMs, BooleanSupplier transactionActive) {
        if (attempts < 1 || basePauseMs < 0 || transactionActive == null) {
            throw new IllegalArgumentException("attempts >= 1, pause >= 0 and a transaction probe expected");
        }
        this.attempts = attempts;
        this.basePauseMs = basePauseMs;
        this.transactionActive = transactionActive;
    }

    private LockRetry(int attempts, long basePauseMs) {
        this(attempts, basePauseMs, () -> false);
    }

    /** Five attempts, pauses of about 20, 40, 80, 160 ms (each drawn at random between half and one and a half times that). */
    public static LockRetry standard() {
        return new LockRetry(DEFAULT_ATTEMPTS, BASE_PAUSE_MS);
    }

    public static LockRetry of(int attempts, long basePauseMs) {
        return new LockRetry(attempts, basePauseMs);
    }

    /**
     * The same policy, retrying only when {@code transactionActive} (asked once per call, before the work) says the
     * calling thread has no transaction: the work would join one and could not be retried inside it.
     */
    public LockRetry outsideTransactions(BooleanSupplier transactionActive) {
        return new LockRetry(attempts, basePauseMs, transactionActive);
    }

    /**
     * {@code work}'s answer; a lost lock is retried, any other failure passes through untouched. Inside a transaction
     * (see {@link #outsideTransactions}) the work runs once and every failure passes through untouched.
     */
    public <T> T call(Supplier<T> work) {
        if (transactionActive.getAsBoolean()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isLostLock(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    SupervisionException busy = SupervisionException.busy("数据库繁忙",
                            "并发写入过多，" + attempts + " 次尝试均未取得锁，请稍后重试");
                    busy.initCause(e);
                    throw busy;
                }
                pause(attempt);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Whether {@code failure} or any cause (or chained SQL exception) carries one of {@link #SQL_STATES}. */
    public static boolean isLostLock(Throwable failure) {
        int guard = 0;
        for (Throwable t = failure; t != null && guard < 64; t = t.getCause(), guard++) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null && guard < 64; s = s.getNextException(), guard++) {
                    if (s.getSQLState() != null && SQL_STATES.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private void pause(int attempt) {
        long ceiling = basePauseMs << Math.min(attempt - 1, 10);
        long ms = ThreadLocalRandom.current().nextLong(ceiling + 1) + ceiling / 2;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SupervisionException.busy("数据库繁忙", "等待重试时被中断，请稍后重试");
        }
    }
}
