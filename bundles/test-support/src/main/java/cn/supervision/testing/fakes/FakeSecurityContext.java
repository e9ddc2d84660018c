package cn.supervision.testing.fakes;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

/**
 * A JAX-RS {@link SecurityContext} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the resources read only {@link #getUserPrincipal()}, the caller).
 */
public class FakeSecurityContext implements SecurityContext {
    /** A context whose only answer is {@code user}, as the resources read it; everything else throws. */
    public static FakeSecurityContext of(Principal user) {
        return new FakeSecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }
        };
    }

    @Override
    public Principal getUserPrincipal() {
        throw unused("getUserPrincipal");
    }

    @Override
    public boolean isUserInRole(String role) {
        throw unused("isUserInRole");
    }

    @Override
    public boolean isSecure() {
        throw unused("isSecure");
    }

    @Override
    public String getAuthenticationScheme() {
        throw unused("getAuthenticationScheme");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("SecurityContext." + method + " is not used by this test");
    }
}
