package cn.supervision.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.supervision.api.security.Caller;

/**
 * Console sessions held server-side: a random id (the cookie) maps to the caller who logged in and to a CSRF token the
 * console sends back on every write. A session ends on logout, after {@code idle} without a request, or {@code maximum}
 * after login whatever happens. The map is bounded: beyond {@code capacity} live sessions the least recently used one
 * is dropped (its user logs in again), so a flood of logins cannot exhaust memory.
 */
public final class SessionStore {
    /** A live session. {@code lastSeen} moves on every request that uses it. */
    public static final class Session {
        private final String id;
        private final String csrfToken;
        private final Caller caller;
        private final Instant created;
        private volatile Instant lastSeen;

        Session(String id, String csrfToken, Caller caller, Instant created) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.caller = caller;
            this.created = created;
            this.lastSeen = created;
        }

        public String id() {
            return id;
        }

        public String csrfToken() {
            return csrfToken;
        }

        public Caller caller() {
            return caller;
        }

        public Instant created() {
            return created;
        }

        Instant lastSeen() {
            return lastSeen;
        }

        /** Constant-time comparison: the token must not leak through timing. */
        public boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration maximum;
    private final int capacity;

    public SessionStore(int idleMinutes, int maximumHours, int capacity) {
        this(Clock.systemUTC(), Duration.ofMinutes(idleMinutes), Duration.ofHours(maximumHours), capacity);
    }

    SessionStore(Clock clock, Duration idle, Duration maximum, int capacity) {
        if (idle.isNegative() || idle.isZero() || maximum.isNegative() || maximum.isZero() || capacity < 1) {
            throw new IllegalArgumentException("session idle, maximum and capacity must be positive");
        }
        this.clock = clock;
        this.idle = idle;
        this.maximum = maximum;
        this.capacity = capacity;
    }

    public Duration idle() {
        return idle;
    }

    /** A new session for {@code caller}, with fresh random id and CSRF token. */
    public Session open(Caller caller) {
        Instant now = clock.instant();
        if (sessions.size() >= capacity) {
            sessions.values().removeIf(s -> expired(s, now));
            while (sessions.size() >= capacity) {
                sessions.values().stream().min(Comparator.comparing(Session::lastSeen))
                        .ifPresent(oldest -> sessions.remove(oldest.id(), oldest));
            }
        }
        Session session = new Session(token(), token(), caller, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle time restarted; empty (and the session forgotten) when it has expired. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** Logout. */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    int size() {
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(maximum));
    }

    /** 256 random bits, URL-safe. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
