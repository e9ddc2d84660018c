package cn.supervision.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import cn.supervision.api.security.Caller;

/**
 * The login module of the {@code supervision} realm. Options: {@code users} (the production users file),
 * {@code demoUsers} and {@code demo} (whether the demo users file is consulted too). Relative paths are
 * resolved against {@code karaf.etc}. On success the subject gets the {@link Caller} as its principal.
 */
public class UserFileLoginModule implements LoginModule {
    private Subject subject;
    private CallbackHandler callbacks;
    private Map<String, ?> options;
    private Caller caller;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.options = options;
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("username: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot obtain credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        try {
            UserAccount account = find(name.getName());
            // an unknown user costs one derivation at the realm's usual cost, like a wrong password: same path, same time
            String hash = account != null ? account.passwordHash() : PasswordHash.dummy(usualIterations());
            boolean matches = PasswordHash.verify(secret == null ? new char[0] : secret, hash);
            if (account == null || secret == null || !matches) {
                throw new FailedLoginException("invalid username or password");
            }
            caller = account.toCaller();
            return true;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            password.clearPassword();
        }
    }

    private UserAccount find(String username) {
        if (username == null) {
            return null;
        }
        UserAccount a = UserFile.accounts(path("users", "supervision-users.properties")).get(username);
        if (a == null && demo()) {
            a = UserFile.accounts(path("demoUsers", "supervision-demo-users.properties")).get(username);
        }
        return a;
    }

    /** The cost of the hashes the realm holds (the production file's, else the demo file's). */
    private int usualIterations() {
        int n = UserFile.iterations(path("users", "supervision-users.properties"));
        if (n == 0 && demo()) {
            n = UserFile.iterations(path("demoUsers", "supervision-demo-users.properties"));
        }
        return n == 0 ? PasswordHash.DEFAULT_ITERATIONS : n;
    }

    private boolean demo() {
        return Boolean.parseBoolean(String.valueOf(options.get("demo")));
    }

    private Path path(String option, String fallback) {
        Object v = options.get(option);
        Path p = Paths.get(v == null ? fallback : v.toString().trim());
        if (!p.isAbsolute()) {
            String etc = System.getProperty("karaf.etc", "etc");
            p = Paths.get(etc).resolve(p);
        }
        return p;
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        subject.getPrincipals().add(caller);
        return true;
    }

    @Override
    public boolean abort() {
        caller = null;
        return true;
    }

    @Override
    public boolean logout() {
        if (caller != null) {
            subject.getPrincipals().remove(caller);
        }
        caller = null;
        return true;
    }
}
