package cn.supervision.testing.fakes;

import java.util.List;
import java.util.Optional;

import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;

/**
 * A {@link UserDirectory} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeUserDirectory implements UserDirectory {
    @Override
    public List<UserInfo> users() {
        throw unused("users");
    }

    @Override
    public Optional<UserInfo> user(String username) {
        throw unused("user");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("UserDirectory." + method + " is not used by this test");
    }
}
