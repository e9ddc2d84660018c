package cn.supervision.security.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Users and sources the throttle found clear for a login answered from the {@link CredentialCache}, in the last
 * {@link #TTL_MILLIS}. HTTP Basic sends the same verified credentials with every request; reading the throttle's
 * counts for each one was about 30 % of a small request's CPU. The throttle is still read for every attempt the cache
 * does not answer, and any refusal or failure on this node forgets all clearances: a guesser's wrong guesses cannot
 * ride on a real user's clearance, even from the same address. What this node does not see is a failure counted on
 * another node in the last second, which could at most let one right password through a second late.
 */
final class RecentClearance {
    static final long TTL_MILLIS = 1_000;
    static final int CAPACITY = 4_096;

    private final BoundedExpiringMap<String, Boolean> clear;
    /** Raised by every {@link #forgetAll()}: a clearance read before a refusal or failure must not be recorded after it. */
    private final AtomicLong generation = new AtomicLong();

    RecentClearance(LongSupplier clock) {
        clear = new BoundedExpiringMap<>(CAPACITY, TTL_MILLIS, clock);
    }

    boolean clear(String user, String source) {
        return clear.get(key(user, source)) != null;
    }

    /** Taken before the throttle is read; {@link #cleared} records nothing if a refusal or failure came in between. */
    long generation() {
        return generation.get();
    }

    /** The throttle, read after {@code generation} was taken, let this user try from this source. */
    void cleared(String user, String source, long generation) {
        synchronized (clear) {
            if (this.generation.get() == generation) {
                clear.put(key(user, source), Boolean.TRUE);
            }
        }
    }

    /** A refusal or a failure: nothing seen before it counts. */
    void forgetAll() {
        synchronized (clear) {
            generation.incrementAndGet();
            clear.clear();
        }
    }

    private static String key(String user, String source) {
        return user.length() + ":" + user + "@" + source;
    }
}
