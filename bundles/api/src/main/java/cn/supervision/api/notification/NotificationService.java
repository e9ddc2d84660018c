package cn.supervision.api.notification;

import org.osgi.annotation.versioning.ProviderType;

import java.util.Collection;
import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Tells users what needs them: every message lands in the recipient's inbox and is handed to every {@link Notifier}
 * (e-mail, SMS adapters) for users with the matching contact. Sending never fails the caller's own transaction: a
 * notifier's failure is logged and retried by the service, the inbox entry is written regardless.
 *
 * <p><b>Once per day:</b> a message with the same category, link and subject as one already in the recipient's inbox
 * from the same day (Asia/Shanghai) is not written again and not counted. A daily pass therefore reminds once per item
 * and day by naming the item in the link (e.g. {@code /v1/rectification/notices/7}) and keeping the subject stable for
 * the day (days left may be in it); a second run on the same day sends nothing. Messages that must repeat within a day
 * differ in subject or link.
 */
@ProviderType
public interface NotificationService {

    /** To named users (unknown names are skipped). Returns how many inbox entries were written. */
    int toUsers(Collection<String> usernames, Message message);

    /** To every UNIT_USER of one unit (by jurisdiction and unit code). */
    int toUnit(String jurisdictionCode, String unitCode, Message message);

    /** To the office administrators of one jurisdiction (CITY_ADMIN / COUNTY_ADMIN bound to exactly that code). */
    int toOffice(String jurisdictionCode, Message message);

    /** The caller's own inbox, newest first. */
    List<Notification> inbox(Caller caller, boolean unreadOnly, int offset, int limit);

    long unreadCount(Caller caller);

    /** Marks one of the caller's own messages read (not found for another user's). */
    Notification markRead(Caller caller, long id);
}
