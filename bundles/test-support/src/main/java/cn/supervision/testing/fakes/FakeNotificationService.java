package cn.supervision.testing.fakes;

import java.util.Collection;
import java.util.List;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notification;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.security.Caller;

/**
 * A {@link NotificationService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeNotificationService implements NotificationService {
    @Override
    public int toUsers(Collection<String> usernames, Message message) {
        throw unused("toUsers");
    }

    @Override
    public int toUnit(String jurisdictionCode, String unitCode, Message message) {
        throw unused("toUnit");
    }

    @Override
    public int toOffice(String jurisdictionCode, Message message) {
        throw unused("toOffice");
    }

    @Override
    public List<Notification> inbox(Caller caller, boolean unreadOnly, int offset, int limit) {
        throw unused("inbox");
    }

    @Override
    public long unreadCount(Caller caller) {
        throw unused("unreadCount");
    }

    @Override
    public Notification markRead(Caller caller, long id) {
        throw unused("markRead");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("NotificationService." + method + " is not used by this test");
    }
}
