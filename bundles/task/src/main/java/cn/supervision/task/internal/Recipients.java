package cn.supervision.task.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.task.internal.model.TaskEntity;

/**
 * Who hears about a task: the owner (the unit's users, the department's users from the directory, or the office) and
 * the office of the task's jurisdiction. Sending never fails the caller: a failure is logged.
 */
final class Recipients {
    private static final Logger LOG = LoggerFactory.getLogger(Recipients.class);
    /** Empty when the notification bundle is not installed. */
    private final List<NotificationService> notifications;
    private final List<UserDirectory> users;

    Recipients(List<NotificationService> notifications, List<UserDirectory> users) {
        this.notifications = notifications;
        this.users = users;
    }

    boolean available() {
        return !notifications.isEmpty();
    }

    static String link(long taskId) {
        return "/v1/tasks/" + taskId;
    }

    /** To the owner; returns the inbox entries written. */
    int owner(TaskEntity t, Message m) {
        return send(() -> {
            NotificationService n = notifications.get(0);
            return switch (t.getOwnerKind()) {
                case UNIT -> n.toUnit(t.getJurisdictionCode(), t.getOwnerCode(), m);
                case DEPARTMENT -> users.isEmpty() ? 0 : n.toUsers(users.get(0).users().stream()
                        .filter(u -> u.memberOf(t.getJurisdictionCode(), t.getOwnerCode())).map(UserInfo::username).toList(), m);
                case OFFICE -> n.toOffice(t.getJurisdictionCode(), m);
            };
        });
    }

    /** To the office of the task's jurisdiction (nothing more when the office owns the task and was told already). */
    int office(TaskEntity t, Message m) {
        return send(() -> notifications.get(0).toOffice(t.getJurisdictionCode(), m));
    }

    /** Owner and office, the office once. */
    int ownerAndOffice(TaskEntity t, Message m) {
        int n = owner(t, m);
        return t.getOwnerKind() == OwnerKind.OFFICE ? n : n + office(t, m);
    }

    private int send(java.util.function.IntSupplier send) {
        if (notifications.isEmpty()) {
            return 0;
        }
        try {
            return send.getAsInt();
        } catch (RuntimeException e) {
            LOG.warn("task message not delivered: {}", e.toString());
            return 0;
        }
    }
}
