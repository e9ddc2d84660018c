package cn.supervision.security.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Slows password guessing without handing an attacker a way to lock a real user out.
 *
 * <p>Failures are counted twice: per (user, source address) and per user over all sources. Past a few free
 * failures each further one doubles the wait before the next attempt is even checked (5 s, 10 s, 20 s … up to
 * {@link #MAX_DELAY_MILLIS}). The per-user count does not apply to a source the user has logged in from
 * successfully before (their "usual" source): a guesser elsewhere, even spread over many addresses, is slowed
 * down while the real user's own workstation keeps working. Nothing is ever locked for good; a count is forgotten
 * {@link #FORGET_MILLIS} after its last failure. Every map is bounded ({@link BoundedExpiringMap}).
 */
final class LoginThrottle {
    static final int FREE_PER_SOURCE = 3;
    static final int FREE_PER_USER = 10;
    static final long BASE_DELAY_MILLIS = 5_000;
    static final long MAX_DELAY_MILLIS = 15 * 60_000L;
    static final long FORGET_MILLIS = 30 * 60_000L;
    static final long USUAL_SOURCE_MILLIS = 30L * 24 * 3_600_000L;
    static final int USUAL_SOURCES_PER_USER = 8;
    static final int CAPACITY = 10_000;

    private record Failures(int count, long blockedUntil) { }

    private record Pair(String user, String source) { }

    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?]?");

    private final LongSupplier clock;
    private final BoundedExpiringMap<Pair, Failures> perSource;
    private final BoundedExpiringMap<String, Failures> perUser;
    private final BoundedExpiringMap<String, Set<String>> usualSources;

    LoginThrottle(LongSupplier clock) {
        this(clock, CAPACITY);
    }

    LoginThrottle(LongSupplier clock, int capacity) {
        this.clock = clock;
        this.perSource = new BoundedExpiringMap<>(capacity, FORGET_MILLIS + MAX_DELAY_MILLIS, clock);
        this.perUser = new BoundedExpiringMap<>(capacity, FORGET_MILLIS + MAX_DELAY_MILLIS, clock);
        this.usualSources = new BoundedExpiringMap<>(capacity, USUAL_SOURCE_MILLIS, clock);
    }

    /** Milliseconds to wait before this user may try again from this source; 0 when an attempt is allowed now. */
    long waitMillis(String user, String address) {
        String source = source(address);
        long now = clock.getAsLong();
        long wait = remaining(perSource.get(new Pair(user, source)), now);
        if (!isUsual(user, source)) {
            wait = Math.max(wait, remaining(perUser.get(user), now));
        }
        return wait;
    }

    void failed(String user, String address) {
        String source = source(address);
        long now = clock.getAsLong();
        perSource.update(new Pair(user, source), (k, f) -> next(f, FREE_PER_SOURCE, now));
        if (!isUsual(user, source)) {
            perUser.update(user, (k, f) -> next(f, FREE_PER_USER, now));
        }
    }

    /**
     * A correct password: this source's count is cleared and the source becomes a usual one. The per-user count is
     * kept, so the real user logging in does not reopen the door for a guesser elsewhere.
     */
    void succeeded(String user, String address) {
        String source = source(address);
        perSource.remove(new Pair(user, source));
        usualSources.update(user, (k, known) -> {
            Set<String> s = known == null ? new LinkedHashSet<>() : new LinkedHashSet<>(known);
            s.remove(source);
            s.add(source);
            while (s.size() > USUAL_SOURCES_PER_USER) {
                s.remove(s.iterator().next());
            }
            return Set.copyOf(s);
        });
    }

    private boolean isUsual(String user, String source) {
        Set<String> known = usualSources.get(user);
        return known != null && known.contains(source);
    }

    /**
     * What counts as one source: an IPv4 address (also when IPv4-mapped), or an IPv6 address's /64 network, since one
     * client usually holds a whole /64 and could otherwise take a fresh address for every guess.
     */
    static String source(String address) {
        if (address == null || address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // a literal: no name lookup happens
            InetAddress a = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address);
            if (a instanceof Inet4Address) {
                return a.getHostAddress();
            }
            byte[] b = a.getAddress();
            return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Entries held, for the bound's test. */
    int tracked() {
        return perSource.size() + perUser.size() + usualSources.size();
    }

    private static long remaining(Failures f, long now) {
        return f == null ? 0 : Math.max(0, f.blockedUntil - now);
    }

    private static Failures next(Failures f, int free, long now) {
        int count = f == null ? 1 : f.count + 1;
        return new Failures(count, count <= free ? 0 : now + delay(count - free));
    }

    /** 5 s after the first failure beyond the free ones, doubling with each further one, capped. */
    static long delay(int beyondFree) {
        int shift = Math.min(beyondFree - 1, 20);
        return Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << shift);
    }
}
