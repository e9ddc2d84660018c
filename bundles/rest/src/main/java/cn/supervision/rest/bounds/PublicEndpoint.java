package cn.supervision.rest.bounds;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) that answers without credentials. The gateway's
 * authentication reads it from the method a request was matched to, so a path that only looks like a public one (a
 * {@code ..} segment, a prefix) is judged by the method it really reaches. Everything not marked needs a caller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {
    /** What credentials that come anyway are good for. */
    Credentials credentials() default Credentials.IGNORED;

    enum Credentials {
        /** Not read at all (a public form, a document): a wrong password there is no failed login. */
        IGNORED,
        /** HTTP Basic, when sent, identifies the caller (health shows reasons to an office admin); a refusal stays anonymous. */
        BASIC_IF_SENT,
        /** HTTP Basic or else the console's session cookie, when sent, identifies the caller ("who am I"). */
        BASIC_OR_SESSION_IF_SENT
    }
}
