package cn.supervision.api.notification;

import cn.supervision.api.security.UserInfo;

/**
 * SPI: a delivery channel beyond the inbox (the platform ships SMTP; SMS is a partner adapter). Registered as an OSGi
 * service; {@link #accepts} decides per recipient (e.g. only users with an e-mail address).
 */
public interface Notifier {

    String channel();

    boolean accepts(UserInfo recipient);

    /** Delivers or throws; the notification service logs and retries failures. */
    void deliver(UserInfo recipient, Message message) throws Exception;
}
