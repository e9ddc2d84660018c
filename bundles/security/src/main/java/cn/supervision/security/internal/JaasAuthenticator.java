package cn.supervision.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;

/**
 * Authenticates through the JAAS realm. A password hash costs ~100 ms on purpose, so a successful login
 * is remembered for a short time under a salted digest of the credentials (HTTP Basic sends them with
 * every request). Repeated failures for a username are throttled.
 */
public class JaasAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);
    static final long REMEMBER_MILLIS = 60_000;
    static final int MAX_FAILURES = 5;
    static final long LOCK_MILLIS = 60_000;

    private final byte[] pepper = new byte[16];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final String realm;

    private record Remembered(byte[] digest, Caller caller, long until) { }

    private record Failures(int count, long since) { }

    public JaasAuthenticator() {
        this(REALM);
    }

    JaasAuthenticator(String realm) {
        this.realm = realm;
        new SecureRandom().nextBytes(pepper);
    }

    @Override
    public Optional<Caller> authenticate(String username, char[] password) {
        if (username == null || username.isBlank() || password == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Failures f = failures.get(username);
        if (f != null && f.count >= MAX_FAILURES && now - f.since < LOCK_MILLIS) {
            LOG.warn("Login refused for '{}': too many failures, locked for {} s", username, LOCK_MILLIS / 1000);
            return Optional.empty();
        }
        byte[] digest = digest(username, password);
        Remembered r = remembered.get(username);
        if (r != null && r.until > now && MessageDigest.isEqual(r.digest, digest)) {
            return Optional.of(r.caller);
        }
        Optional<Caller> caller = login(username, password);
        if (caller.isPresent()) {
            failures.remove(username);
            remembered.put(username, new Remembered(digest, caller.get(), now + REMEMBER_MILLIS));
        } else {
            remembered.remove(username);
            failures.merge(username, new Failures(1, now),
                    (old, one) -> now - old.since > LOCK_MILLIS ? one : new Failures(old.count + 1, old.since));
        }
        return caller;
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
                LOG.warn("Realm {} logged '{}' in without a platform principal; refused", realm, username);
                return Optional.empty();
            }
            return Optional.of(callers.iterator().next());
        } catch (LoginException e) {
            LOG.info("Login failed for '{}': {}", username, e.getMessage());
            return Optional.empty();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private byte[] digest(String username, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(pepper);
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(PasswordHash.utf8(password));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
