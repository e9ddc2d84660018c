package cn.supervision.security.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.tx.LockRetry;

/**
 * Slows password guessing without handing an attacker a way to lock a real user out.
 *
 * <p>Failures are counted twice: per (user, source address) and per user over all sources. Past a few free
 * failures each further one doubles the wait before the next attempt is even checked (5 s, 10 s, 20 s … up to
 * {@link #MAX_DELAY_MILLIS}). The per-user count does not apply to a source the user has logged in from
 * successfully before (their "usual" source): a guesser elsewhere, even spread over many addresses, is slowed
 * down while the real user's own workstation keeps working. Nothing is ever locked for good; a count is forgotten
 * {@link #FORGET_MILLIS} after its last failure plus the longest wait.
 *
 * <p>The counts and usual sources are in the database ({@link LoginRecords}), so every node of a cluster sees the same
 * ones: a guesser alternating between nodes gets no extra attempts. Checking costs one query of two primary-key lookups
 * and writes nothing; only a verified password (right or wrong) writes, and a right one only when there is something to
 * change (failures from this source to clear, or the usual source last refreshed more than {@link #REFRESH_MILLIS} ago).
 * Forgotten rows are deleted at most once a {@link #CLEANUP_MILLIS} per node, so the tables hold no more than the
 * failures of the last {@code FORGET_MILLIS + MAX_DELAY_MILLIS} and each user's {@link #USUAL_SOURCES_PER_USER} usual
 * sources of the last 30 days.
 */
final class LoginThrottle {
    static final int FREE_PER_SOURCE = 3;
    static final int FREE_PER_USER = 10;
    static final long BASE_DELAY_MILLIS = 5_000;
    static final long MAX_DELAY_MILLIS = 15 * 60_000L;
    static final long FORGET_MILLIS = 30 * 60_000L;
    static final long USUAL_SOURCE_MILLIS = 30L * 24 * 3_600_000L;
    static final int USUAL_SOURCES_PER_USER = 8;
    /** A usual source's last login is written again only when it is older than this (not on every verification). */
    static final long REFRESH_MILLIS = 24 * 3_600_000L;
    static final long CLEANUP_MILLIS = 60_000;
    /** Longer names and sources are kept as a digest: the columns are bounded, what clients send is not. */
    static final int MAX_USER = 100;
    static final int MAX_SOURCE = 64;

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?]?");

    /** Where one attempt of a user from a source stands, as read before it is checked. */
    record Attempt(String user, String source, long at, LoginRecords.Standing standing) {
        /** Milliseconds to wait before this attempt may be checked; 0 when it may be now. */
        long waitMillis() {
            long wait = remaining(standing.sourceBlockedUntil(), at);
            if (!usual()) {
                wait = Math.max(wait, remaining(standing.userBlockedUntil(), at));
            }
            return wait;
        }

        boolean usual() {
            return standing.lastOk() > 0 && standing.lastOk() > at - USUAL_SOURCE_MILLIS;
        }
    }

    private final JpaTemplate jpa;
    private final LongSupplier clock;
    private final LoginRecords records = new LoginRecords();
    private final LockRetry retry = LockRetry.standard();
    private volatile long nextCleanup;

    LoginThrottle(JpaTemplate jpa, LongSupplier clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** Reads where this user stands at this source: one query, no write. */
    Attempt attempt(String user, String address) {
        String u = user(user);
        String source = source(address);
        long now = clock.getAsLong();
        LoginRecords.Standing standing = sql("读取登录限制", () -> jpa.txExpr(TransactionType.Supports,
                em -> withConnection(em, c -> records.standing(c, u, source, now))));
        return new Attempt(u, source, now, standing);
    }

    /** Milliseconds to wait before this user may try again from this source; 0 when an attempt is allowed now. */
    long waitMillis(String user, String address) {
        return attempt(user, address).waitMillis();
    }

    /**
     * A wrong password: one more failure for this source and, unless it is a usual one, for the user. Answers the wait
     * before the next attempt from this source.
     */
    long failed(Attempt a) {
        long now = clock.getAsLong();
        long expires = now + FORGET_MILLIS + MAX_DELAY_MILLIS;
        long until = sql("记录登录失败", () -> retry.call(() -> jpa.txExpr(TransactionType.Required, em -> withConnection(em, c -> {
            long blocked = count(c, a.user(), a.source(), FREE_PER_SOURCE, now, expires);
            if (!a.usual()) {
                blocked = Math.max(blocked, count(c, a.user(), LoginRecords.ANY, FREE_PER_USER, now, expires));
            }
            return blocked;
        }))));
        cleanUp(now);
        return remaining(until, now);
    }

    void failed(String user, String address) {
        failed(attempt(user, address));
    }

    /**
     * A correct password: this source's count is cleared and the source becomes (or stays) a usual one. The per-user
     * count is kept, so the real user logging in does not reopen the door for a guesser elsewhere. Nothing is written
     * when nothing would change.
     */
    void succeeded(Attempt a) {
        long now = clock.getAsLong();
        boolean refresh = a.standing().lastOk() == 0 || a.standing().lastOk() <= now - REFRESH_MILLIS;
        if (!a.standing().sourceFailures() && !refresh) {
            return;
        }
        sql("记录登录成功", () -> retry.call(() -> jpa.txExpr(TransactionType.Required, em -> withConnection(em, c -> {
            if (a.standing().sourceFailures()) {
                records.clearFailures(c, a.user(), a.source());
            }
            if (refresh) {
                records.loggedIn(c, a.user(), a.source(), now, USUAL_SOURCES_PER_USER, now - USUAL_SOURCE_MILLIS);
            }
            return null;
        }))));
    }

    void succeeded(String user, String address) {
        succeeded(attempt(user, address));
    }

    /** Raises a count and sets when the next attempt may come; answers that moment (0: none of the free ones is used up). */
    private long count(Connection c, String user, String origin, int free, long now, long expires) throws SQLException {
        int failures = records.countFailure(c, user, origin, now, expires);
        long until = failures <= free ? 0 : now + delay(failures - free);
        records.block(c, user, origin, until);
        return until;
    }

    /** Deletes forgotten rows, at most once a minute on this node; a failure here only postpones it. */
    private void cleanUp(long now) {
        if (now < nextCleanup) {
            return;
        }
        nextCleanup = now + CLEANUP_MILLIS;
        try {
            int n = jpa.txExpr(TransactionType.Required, em -> withConnection(em, c -> records.forget(c, now, now - USUAL_SOURCE_MILLIS)));
            LOG.debug("Forgot {} login throttle rows", n);
        } catch (RuntimeException e) {
            LOG.warn("Forgetting old login throttle rows failed, next try in {} s: {}", CLEANUP_MILLIS / 1_000, e.toString());
        }
    }

    /**
     * What counts as one source: an IPv4 address (also when IPv4-mapped), or an IPv6 address's /64 network, since one
     * client usually holds a whole /64 and could otherwise take a fresh address for every guess. A source too long for
     * its column (and the per-user row's {@code *}) is kept as a digest.
     */
    static String source(String address) {
        String s = network(address);
        if (s == null) {
            return JaasAuthenticator.UNKNOWN_SOURCE;
        }
        return s.length() > MAX_SOURCE || LoginRecords.ANY.equals(s) ? "#" + digest(s).substring(0, MAX_SOURCE - 1) : s;
    }

    private static String network(String address) {
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

    /** A user name as stored: itself, or a digest when it is longer than any account name. */
    static String user(String user) {
        return user.length() > MAX_USER ? "#" + digest(user) : user;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long remaining(long until, long now) {
        return Math.max(0, until - now);
    }

    /** 5 s after the first failure beyond the free ones, doubling with each further one, capped. */
    static long delay(int beyondFree) {
        int shift = Math.min(beyondFree - 1, 20);
        return Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << shift);
    }

    private interface SqlWork<R> {
        R apply(Connection c) throws SQLException;
    }

    private static <R> R withConnection(EntityManager em, SqlWork<R> work) {
        try (Connection c = em.unwrap(Connection.class)) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The throttle cannot decide without its rows: a database failure refuses the login (503, try again) rather than
     * letting unthrottled guesses through.
     */
    private static <R> R sql(String what, java.util.function.Supplier<R> work) {
        try {
            return work.get();
        } catch (SupervisionException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("登录限制{}失败", what, e);
            throw new SupervisionException(ProblemKind.BUSY, "暂时无法登录", "登录限制数据暂时无法读写，请稍后重试", null);
        }
    }
}
