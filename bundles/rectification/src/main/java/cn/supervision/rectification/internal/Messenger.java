package cn.supervision.rectification.internal;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.notification.NotificationService;

/**
 * Messages are sent after the transaction that recorded the step, and sending never undoes it: a failure is logged
 * (the notification service retries its own channels).
 */
final class Messenger {
    // the service's logger: the log configuration that watched undelivered messages before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaRectificationService.class);

    private final NotificationService notifications;

    Messenger(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** The message is built inside the guard too, so a malformed one is logged like an undelivered one. */
    void tell(Consumer<NotificationService> send) {
        try {
            send.accept(notifications);
        } catch (RuntimeException e) {
            LOG.warn("rectification message not delivered: {}", e.toString());
        }
    }
}
