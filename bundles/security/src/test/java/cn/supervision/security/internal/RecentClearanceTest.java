package cn.supervision.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RecentClearanceTest {
    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final RecentClearance clearance = new RecentClearance(now::get);

    @Test
    void aClearanceLastsASecond() {
        clearance.cleared("city", "10.0.0.1", clearance.generation());
        assertTrue(clearance.clear("city", "10.0.0.1"));
        assertFalse(clearance.clear("city", "10.0.0.2"), "per source");
        now.addAndGet(RecentClearance.TTL_MILLIS);
        assertFalse(clearance.clear("city", "10.0.0.1"));
    }

    @Test
    void aThrottleReadFromBeforeAFailureIsNotRecordedAfterIt() {
        long readBefore = clearance.generation();
        clearance.forgetAll(); // a failure on another request thread, between that read and its clearance
        clearance.cleared("city", "10.0.0.1", readBefore);
        assertFalse(clearance.clear("city", "10.0.0.1"));
        clearance.cleared("city", "10.0.0.1", clearance.generation());
        assertTrue(clearance.clear("city", "10.0.0.1"), "a read after the failure clears again");
    }
}
