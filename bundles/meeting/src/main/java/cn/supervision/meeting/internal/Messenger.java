package cn.supervision.meeting.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;

/**
 * Tells the users of a meeting's invited departments, after the meeting was recorded; a failure to notify never undoes
 * the meeting: it is logged, and the caller still gets its answer.
 */
final class Messenger {
    // the service's logger: the log configuration that watched undelivered messages before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaMeetingService.class);

    private final UserDirectory users;
    private final NotificationService notifications;

    Messenger(UserDirectory users, NotificationService notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    void tell(Meeting meeting, String category, String subject, String body) {
        Set<String> usernames = new LinkedHashSet<>();
        try {
            for (UserInfo u : users.users()) {
                if (meeting.departments().stream().anyMatch(d -> u.memberOf(meeting.jurisdictionCode(), d.code()))) {
                    usernames.add(u.username());
                }
            }
            if (!usernames.isEmpty()) {
                notifications.toUsers(usernames, new Message(category, subject, body, "/v1/meetings/" + meeting.id()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Joint meeting #{}: the member departments' users were not notified ({})", meeting.id(), e.toString());
        }
    }
}
