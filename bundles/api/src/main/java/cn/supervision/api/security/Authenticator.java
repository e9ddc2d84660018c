package cn.supervision.api.security;

import org.osgi.annotation.versioning.ProviderType;

import java.util.Optional;

/** Checks a username and password against the platform's JAAS realm. Adapters (REST, SOAP) call it. */
@ProviderType
public interface Authenticator {

    /** The JAAS realm the platform's users live in. */
    String REALM = "supervision";

    /** The caller, or empty when the credentials are wrong or the account is not bound to a jurisdiction. */
    Optional<Caller> authenticate(String username, char[] password);

    /**
     * The same, for a request from {@code source} (the client's address as the adapter sees it): failed logins are
     * throttled per user and source, so adapters should call this one.
     *
     * @throws LoginThrottledException when this user may not try again from this source yet (REST: 429 with
     *         Retry-After; SOAP: a fault)
     */
    default Optional<Caller> authenticate(String username, char[] password, String source) {
        return authenticate(username, password);
    }
}
