package cn.supervision.security.internal;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.LoginThrottledException;

/**
 * Authenticates through the JAAS realm, in three steps: the {@link LoginThrottle} decides whether this user may try
 * from this source now (a throttled attempt is not checked at all, not even against the cache), the
 * {@link CredentialCache} answers for credentials verified within the last minute (HTTP Basic sends them with every
 * request; a PBKDF2 derivation costs ~100 ms on purpose), and otherwise the realm verifies them. The throttle's counts
 * are in the database, shared by every node; the check reads them (one query) and only a verification writes. Cached
 * credentials whose user and source the throttle cleared within the last second ({@link RecentClearance}) skip that
 * read.
 */
public class JaasAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);
    /** The source of calls that do not name one: they share one throttle. */
    static final String UNKNOWN_SOURCE = "unknown";

    private final String realm;
    private final LoginThrottle throttle;
    private final CredentialCache cache;
    private final RecentClearance clearance;
    /** Credentials being verified right now (keyed like the cache), with the answer their other arrivals wait for. */
    private final ConcurrentHashMap<ByteBuffer, CompletableFuture<Optional<Caller>>> verifying = new ConcurrentHashMap<>();

    /** {@code jpa}: the migrated {@code supervision-security} unit, where the throttle keeps its counts. */
    public JaasAuthenticator(JpaTemplate jpa) {
        this(REALM, jpa, System::currentTimeMillis);
    }

    JaasAuthenticator(String realm, JpaTemplate jpa) {
        this(realm, jpa, System::currentTimeMillis);
    }

    JaasAuthenticator(String realm, JpaTemplate jpa, LongSupplier clock) {
        this.realm = realm;
        this.throttle = new LoginThrottle(jpa, clock);
        this.cache = new CredentialCache(clock);
        this.clearance = new RecentClearance(clock);
    }

    @Override
    public Optional<Caller> authenticate(String username, char[] password) {
        return authenticate(username, password, UNKNOWN_SOURCE);
    }

    @Override
    public Optional<Caller> authenticate(String username, char[] password, String source) {
        if (username == null || username.isBlank() || password == null) {
            return Optional.empty();
        }
        String from = source == null || source.isBlank() ? UNKNOWN_SOURCE : source;
        long stamp = UserFile.stamp();
        Caller known = cache.get(username, password, stamp);
        if (known != null && clearance.clear(username, from)) {
            return Optional.of(known);
        }
        long generation = clearance.generation();
        LoginThrottle.Attempt attempt = throttle.attempt(username, from);
        long wait = attempt.waitMillis();
        if (wait > 0) {
            clearance.forgetAll();
            // logged once when the wait starts (below): a guesser's every refused attempt would flood the log
            LOG.debug("Login of '{}' from {} refused unchecked, {} ms to wait", printable(username), printable(from), wait);
            throw new LoginThrottledException(Math.max(1, (wait + 999) / 1_000));
        }
        if (known != null) {
            clearance.cleared(username, from, generation);
            return Optional.of(known);
        }
        return verifiedOnce(username, password, () -> verify(username, password, from, attempt, stamp));
    }

    /**
     * Verifies credentials that arrive several times at once (a client's connection pool after a restart, or every
     * minute when the cache entry expires) once: the others wait for that answer instead of each deriving the key
     * (~0.4 s of CPU with the distribution's C1-only JIT; twenty at once kept both cores busy for ten seconds).
     */
    private Optional<Caller> verifiedOnce(String username, char[] password, Supplier<Optional<Caller>> verification) {
        ByteBuffer key = cache.key(username, password);
        CompletableFuture<Optional<Caller>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Caller>> running = verifying.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Optional<Caller> caller = verification.get();
            mine.complete(caller);
            return caller;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            verifying.remove(key, mine);
        }
    }

    private Optional<Caller> verify(String username, char[] password, String from, LoginThrottle.Attempt attempt, long stamp) {
        Optional<Caller> caller = login(username, password);
        if (caller.isPresent()) {
            throttle.succeeded(attempt);
            // the login itself may have read a users file for the first time: cache only against a settled stamp
            if (stamp == UserFile.stamp()) {
                cache.put(username, password, caller.get(), stamp);
            }
        } else {
            clearance.forgetAll();
            long next = throttle.failed(attempt);
            if (next > 0) {
                LOG.warn("Repeated failed logins of '{}' from {}: the next attempt waits {} s", printable(username), printable(from),
                        (next + 999) / 1_000);
            }
        }
        return caller;
    }

    /** A client-chosen name as it may go into a log line: no line breaks or other control characters, bounded. */
    static String printable(String s) {
        String t = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return t.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    LoginThrottle throttle() {
        return throttle;
    }

    private Optional<Caller> login(String username, char[] password) {
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        try {
            LoginContext ctx = new LoginContext(realm, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(username);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            ctx.login();
            Set<Caller> callers = subject.getPrincipals(Caller.class);
            if (callers.size() != 1) {
                LOG.warn("Realm {} logged '{}' in without a platform principal; refused", realm, printable(username));
                return Optional.empty();
            }
            return Optional.of(callers.iterator().next());
        } catch (LoginException e) {
            LOG.info("Login failed for '{}': {}", printable(username), e.getMessage());
            return Optional.empty();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
