package cn.supervision.cooperation.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.cooperation.internal.model.ReferralEntity;

/**
 * Tells a department's users or the office what happened, after it was recorded. Sending never undoes what was
 * recorded: a failure is logged, and the caller still gets its answer.
 */
final class Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);

    private final NotificationService notifications;
    private final UserDirectory users;

    Messenger(NotificationService notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    void tellDepartment(String j, String code, Message message) {
        tell(() -> {
            List<String> names = users.users().stream().filter(u -> u.memberOf(j, code)).map(UserInfo::username).toList();
            if (names.isEmpty()) {
                LOG.info("No user of department {}/{} to tell about {}", j, code, message.link());
            } else {
                notifications.toUsers(names, message);
            }
        });
    }

    void tellOffice(ReferralEntity r, String subject, String body) {
        tell(() -> notifications.toOffice(r.getJurisdictionCode(), new Message("COOPERATION_FEEDBACK", subject, body,
                "/v1/cooperation/referrals/" + r.getId())));
    }

    private static void tell(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.warn("cooperation message not delivered: {}", e.toString());
        }
    }
}
