package cn.supervision.api.security;

import java.util.Optional;

/** Checks a username and password against the platform's JAAS realm. Adapters (REST, SOAP) call it. */
public interface Authenticator {

    /** The JAAS realm the platform's users live in. */
    String REALM = "supervision";

    /** The caller, or empty when the credentials are wrong or the account is not bound to a jurisdiction. */
    Optional<Caller> authenticate(String username, char[] password);
}
