package cn.supervision.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notification;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.notification.Notifier;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.notification.internal.model.DeliveryEntity;
import cn.supervision.notification.internal.model.InboxEntity;

/**
 * The notification service: writes one inbox entry per recipient (in the caller's transaction) and one delivery
 * record per channel that accepts the recipient; the {@link DeliveryDispatcher} sends them later on its own thread.
 * A message already in a recipient's inbox today (same category, link and subject, Asia/Shanghai day) is not written
 * again, which is what makes daily reminder passes idempotent. The database holds that rule (UQ_NT_INBOX_DEDUP on
 * recipient and key), so two nodes sending the same message at once write it once: the second insert waits for the
 * first's transaction and then writes nothing, without failing the caller's transaction.
 */
public class JpaNotificationService implements NotificationService {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(JpaNotificationService.class);

    private final JpaTemplate jpa;
    private final Recipients recipients;
    private final Collection<Notifier> notifiers;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    public JpaNotificationService(JpaTemplate jpa, UserDirectory directory, Collection<Notifier> notifiers, DeliveryDispatcher dispatcher) {
        this(jpa, new Recipients(directory), notifiers, dispatcher, Clock.systemUTC());
    }

    JpaNotificationService(JpaTemplate jpa, Recipients recipients, Collection<Notifier> notifiers, DeliveryDispatcher dispatcher, Clock clock) {
        this.jpa = jpa;
        this.recipients = recipients;
        this.notifiers = notifiers;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public int toUsers(Collection<String> usernames, Message message) {
        return send(recipients.named(usernames), message);
    }

    @Override
    public int toUnit(String jurisdictionCode, String unitCode, Message message) {
        return send(recipients.ofUnit(jurisdictionCode, unitCode), message);
    }

    @Override
    public int toOffice(String jurisdictionCode, Message message) {
        return send(recipients.ofOffice(jurisdictionCode), message);
    }

    private int send(List<UserInfo> users, Message message) {
        checked(message);
        if (users.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        String subject = cut(message.subject(), InboxEntity.SUBJECT);
        String body = message.body() == null ? null : cut(message.body(), InboxEntity.BODY);
        String key = dedupKey(message.category(), message.link(), subject, LocalDate.ofInstant(clock.instant(), ZONE));
        int written = jpa.txExpr(em -> {
            int n = 0;
            for (UserInfo user : users) {
                boolean already = !em.createQuery("select i.id from InboxEntity i where i.recipient = :r and i.dedupKey = :k", Long.class)
                        .setParameter("r", user.username()).setParameter("k", key).setMaxResults(1).getResultList().isEmpty();
                if (already) {
                    continue;
                }
                Long inboxId = inserted(em, new InboxEntity(user.username(), message.category(), subject, body, message.link(), key, now));
                if (inboxId == null) {
                    continue; // written meanwhile by a send on another node
                }
                for (String channel : channels(user)) {
                    em.persist(new DeliveryEntity(inboxId, channel, user.username(), now));
                }
                n++;
            }
            return n;
        });
        if (written > 0) {
            dispatcher.nudge();
        }
        return written;
    }

    private static final String INSERT = "INSERT INTO SV_NT_INBOX (RECIPIENT, CATEGORY, SUBJECT, BODY, LINK, DEDUPKEY, CREATEDAT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts an inbox entry in the caller's transaction; its id, or null when the recipient has it already. Derby
     * undoes only the refused statement; PostgreSQL would abort the caller's whole transaction (and savepoints are
     * refused under the platform's XA pool), so there a duplicate is skipped (ON CONFLICT DO NOTHING, no row back).
     */
    private static Long inserted(EntityManager em, InboxEntity e) {
        try (Connection c = em.unwrap(Connection.class)) {
            boolean postgresql = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
            try (PreparedStatement s = c.prepareStatement(postgresql ? INSERT + " ON CONFLICT DO NOTHING" : INSERT,
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, e.getRecipient());
                s.setString(2, e.getCategory());
                s.setString(3, e.getSubject());
                s.setString(4, e.getBody());
                s.setString(5, e.getLink());
                s.setString(6, e.getDedupKey());
                s.setLong(7, e.getCreatedAt());
                try {
                    if (s.executeUpdate() != 1) {
                        return null;
                    }
                } catch (SQLException x) {
                    if ("23505".equals(x.getSQLState())) {
                        return null;
                    }
                    throw x;
                }
                try (ResultSet id = s.getGeneratedKeys()) {
                    id.next();
                    return id.getLong(1);
                }
            }
        } catch (SQLException x) {
            throw new IllegalStateException("通知写入失败：" + x.getMessage(), x);
        }
    }

    /** The channels that take this recipient; a channel that cannot even say so is skipped, never the inbox entry. */
    private List<String> channels(UserInfo user) {
        return notifiers.stream().filter(n -> {
            try {
                return n.accepts(user);
            } catch (RuntimeException e) {
                LOG.warn("通知渠道 {} 判断收件人 {} 时出错，本条不经该渠道发送：{}", n.channel(), user.username(), e.toString());
                return false;
            }
        }).map(Notifier::channel).distinct().toList();
    }

    private static void checked(Message m) {
        if (m == null || m.category() == null || m.category().isBlank() || m.category().length() > 64) {
            throw new IllegalArgumentException("a message needs a category of at most 64 characters");
        }
        if (m.subject() == null || m.subject().isBlank()) {
            throw new IllegalArgumentException("a message needs a subject");
        }
        if (m.link() != null && m.link().length() > 500) {
            throw new IllegalArgumentException("a message link is at most 500 characters");
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String dedupKey(String category, String link, String subject, LocalDate day) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {category, Objects.requireNonNullElse(link, ""), subject, day.toString()}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Notification> inbox(Caller caller, boolean unreadOnly, int offset, int limit) {
        return jpa.txExpr(em -> em.createQuery("select i from InboxEntity i where i.recipient = :r"
                        + (unreadOnly ? " and i.readAt is null" : "") + " order by i.id desc", InboxEntity.class)
                .setParameter("r", caller.username()).setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, 1_000))).getResultList().stream()
                .map(InboxEntity::toNotification).toList());
    }

    @Override
    public long unreadCount(Caller caller) {
        return jpa.txExpr(em -> em.createQuery("select count(i) from InboxEntity i where i.recipient = :r and i.readAt is null", Long.class)
                .setParameter("r", caller.username()).getSingleResult());
    }

    @Override
    public Notification markRead(Caller caller, long id) {
        long now = clock.millis();
        return jpa.txExpr(em -> {
            InboxEntity entry = em.find(InboxEntity.class, id);
            // another user's message is as absent as a missing one: its existence is not the caller's business
            if (entry == null || !entry.getRecipient().equals(caller.username())) {
                throw SupervisionException.notFound("通知 " + id + " 不存在");
            }
            entry.markRead(now);
            return entry.toNotification();
        });
    }
}
