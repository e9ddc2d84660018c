package cn.supervision.api.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

/** A lost lock is retried only by work that owns its transaction; inside a caller's it goes to that transaction's owner. */
class LockRetryTest {
    static RuntimeException lostLock() {
        return new IllegalStateException("rolled back", new SQLException("A lock could not be obtained", "40XL1"));
    }

    /** Loses the lock {@code losses} times, then answers. */
    static Supplier<String> losing(int losses, AtomicInteger runs) {
        return () -> {
            if (runs.incrementAndGet() <= losses) {
                throw lostLock();
            }
            return "done";
        };
    }

    @Test
    void outsideATransactionALostLockIsRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertEquals("done", LockRetry.of(5, 0).outsideTransactions(() -> false).call(losing(2, runs)));
        assertEquals(3, runs.get());
    }

    @Test
    void insideACallersTransactionTheWorkRunsOnceAndTheFailureIsItsOwn() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> LockRetry.of(5, 0).outsideTransactions(() -> true).call(losing(2, runs)));
        assertEquals(1, runs.get(), "a doomed transaction is not run again");
        assertTrue(LockRetry.isLostLock(thrown));
        assertEquals(IllegalStateException.class, thrown.getClass(), "not turned into busy: the owner decides");
    }

    @Test
    void everyAttemptLostIsBusyAndOtherFailuresPassAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        SupervisionException busy = assertThrows(SupervisionException.class, () -> LockRetry.of(3, 0).call(losing(9, runs)));
        assertEquals(ProblemKind.BUSY, busy.kind());
        assertEquals(3, runs.get());

        IllegalArgumentException other = new IllegalArgumentException("bad");
        AtomicInteger once = new AtomicInteger();
        assertSame(other, assertThrows(IllegalArgumentException.class, () -> LockRetry.standard().call(() -> {
            once.incrementAndGet();
            throw other;
        })));
        assertEquals(1, once.get());
    }

    @Test
    void postgresqlDeadlocksAndLockTimeoutsAreLostLocksAndOtherStatesAreNot() {
        for (String state : new String[] {"40XL1", "40XL2", "40001", "40P01", "55P03"}) {
            SQLException chained = new SQLException("batch failed", "XJ208");
            chained.setNextException(new SQLException("lost", state));
            assertTrue(LockRetry.isLostLock(new IllegalStateException(new SQLException("lost", state))), state);
            assertTrue(LockRetry.isLostLock(new IllegalStateException(chained)), state + " as a chained exception");
        }
        for (String state : new String[] {"23505", "25P02", "40002", "57014", "08006"}) {
            assertTrue(!LockRetry.isLostLock(new IllegalStateException(new SQLException("other", state))), state);
        }
        AtomicInteger runs = new AtomicInteger();
        assertEquals("done", LockRetry.of(3, 0).call(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
            }
            return "done";
        }));
        assertEquals(2, runs.get(), "the deadlock victim ran again");
    }
}
