package cn.supervision.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notifier;
import cn.supervision.api.security.UserInfo;
import cn.supervision.notification.internal.model.DeliveryEntity;
import cn.supervision.notification.internal.model.InboxEntity;

/**
 * Hands recorded deliveries to their channels on its own thread, so a slow or failing mail server never holds up or
 * fails the caller. A failed attempt is recorded with its error and retried after a growing delay; after the last
 * delay the delivery is given up (FAILED) and stays on record.
 *
 * <p>Several nodes on one database each run a dispatcher: a delivery is claimed before it is sent, by moving its next
 * attempt {@link #LEASE} ahead on the condition that it still has the time this node read (a conditional UPDATE in a
 * transaction of its own), so only one node sends it. A node that dies after its claim leaves the delivery PENDING; any
 * node retries it once the lease has passed. Delivery is at least once: a node dying between the channel's send and
 * recording it leaves the delivery to be sent again.
 */
public class DeliveryDispatcher {
    /** Waits before attempts 2, 3, …; a delivery failing once more after the last is given up. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12));
    /** Deliveries attempted per pass; the rest wait for the next one. */
    static final int BATCH = 200;
    /** How far a claim moves a delivery's next attempt ahead: longer than one send may take (SMTP timeouts included). */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final String CLAIM = "UPDATE SV_NT_DELIVERY SET NEXTATTEMPTAT = ?"
            + " WHERE ID = ? AND STATE = 'PENDING' AND NEXTATTEMPTAT = ? AND ATTEMPTS = ?";
    private static final String DELIVERED = "UPDATE SV_NT_DELIVERY SET STATE = 'DELIVERED', DELIVEREDAT = ?, ATTEMPTS = ATTEMPTS + 1,"
            + " LASTERROR = NULL WHERE ID = ? AND STATE = 'PENDING'";
    private static final String RETRY = "UPDATE SV_NT_DELIVERY SET ATTEMPTS = ATTEMPTS + 1, LASTERROR = ?, NEXTATTEMPTAT = ?"
            + " WHERE ID = ? AND STATE = 'PENDING' AND NEXTATTEMPTAT = ?";
    private static final String GIVE_UP = "UPDATE SV_NT_DELIVERY SET ATTEMPTS = ATTEMPTS + 1, LASTERROR = ?, STATE = 'FAILED'"
            + " WHERE ID = ? AND STATE = 'PENDING' AND NEXTATTEMPTAT = ?";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final JpaTemplate jpa;
    private final Recipients recipients;
    private final Collection<Notifier> notifiers;
    private final Clock clock;
    private final long pollSeconds;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService timer;

    public DeliveryDispatcher(JpaTemplate jpa, cn.supervision.api.security.UserDirectory directory, Collection<Notifier> notifiers) {
        this(jpa, new Recipients(directory), notifiers, Clock.systemUTC(), 15);
    }

    DeliveryDispatcher(JpaTemplate jpa, Recipients recipients, Collection<Notifier> notifiers, Clock clock, long pollSeconds) {
        this.jpa = jpa;
        this.recipients = recipients;
        this.notifiers = notifiers;
        this.clock = clock;
        this.pollSeconds = pollSeconds;
    }

    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "supervision-notification-delivery");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::safePass, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    /**
     * New deliveries were recorded: attempt them soon on the delivery thread. Recorded in the caller's transaction,
     * they may not be visible yet; the regular poll picks up what this pass does not see.
     */
    void nudge() {
        ScheduledExecutorService t = timer;
        if (t != null && nudged.compareAndSet(false, true)) {
            t.schedule(() -> {
                nudged.set(false);
                safePass();
            }, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void safePass() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.warn("通知投递轮次失败，稍后重试：{}", e.toString());
        }
    }

    /** Attempts every due delivery once; returns how many were delivered. */
    int pass() {
        long now = clock.millis();
        List<Long> due = jpa.txExpr(em -> em.createQuery("select d.id from DeliveryEntity d where d.state = :s and d.nextAttemptAt <= :now"
                + " order by d.id", Long.class).setParameter("s", DeliveryEntity.PENDING).setParameter("now", now)
                .setMaxResults(BATCH).getResultList());
        int delivered = 0;
        for (long id : due) {
            if (attempt(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Sends one delivery if this node claims it; true when it was delivered. */
    private boolean attempt(long id) {
        DeliveryEntity d = jpa.txExpr(em -> em.find(DeliveryEntity.class, id));
        if (d == null || !DeliveryEntity.PENDING.equals(d.getState())) {
            return false;
        }
        long lease = clock.instant().plus(LEASE).toEpochMilli();
        if (update(CLAIM, lease, id, d.getNextAttemptAt(), d.getAttempts()) != 1) {
            return false; // another node claimed it (or recorded its outcome) since this one read it
        }
        InboxEntity m = jpa.txExpr(em -> em.find(InboxEntity.class, d.getInboxId()));
        String error;
        try {
            Notifier notifier = notifiers.stream().filter(n -> d.getChannel().equals(n.channel())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("渠道 " + d.getChannel() + " 当前不可用"));
            Optional<UserInfo> user = recipients.user(d.getRecipient());
            if (user.isEmpty() || !notifier.accepts(user.get())) {
                throw new IllegalStateException("用户 " + d.getRecipient() + " 已无 " + d.getChannel() + " 联系方式");
            }
            notifier.deliver(user.get(), new Message(m.getCategory(), m.getSubject(), m.getBody(), m.getLink()));
            // recorded even if this node's lease ran out meanwhile: it was delivered
            update(DELIVERED, clock.millis(), id);
            return true;
        } catch (Exception e) {
            // the message text of mail errors names the server's answer, never the credentials
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempts = d.getAttempts() + 1;
        Instant now = clock.instant();
        Long retryAt = attempts <= BACKOFF.size() ? now.plus(BACKOFF.get(attempts - 1)).toEpochMilli() : null;
        String recorded = error.substring(0, Math.min(500, error.length()));
        // only while the claim is still this node's: after the lease another node may have sent it
        if ((retryAt == null ? update(GIVE_UP, recorded, id, lease) : update(RETRY, recorded, retryAt, id, lease)) != 1) {
            LOG.warn("通知 {} 经 {} 发给 {} 失败，但其认领已过期，交由重新认领的节点处理：{}", m.getId(), d.getChannel(), d.getRecipient(), error);
            return false;
        }
        if (retryAt == null) {
            LOG.error("通知 {} 经 {} 发给 {} 第 {} 次失败，已放弃：{}", m.getId(), d.getChannel(), d.getRecipient(), attempts, error);
        } else {
            LOG.warn("通知 {} 经 {} 发给 {} 第 {} 次失败，{} 重试：{}", m.getId(), d.getChannel(), d.getRecipient(), attempts,
                    Instant.ofEpochMilli(retryAt), error);
        }
        return false;
    }

    /** One conditional statement in a transaction of its own; its update count. */
    private int update(String sql, Object... values) {
        return jpa.txExpr(em -> sql(em, sql, values));
    }

    /**
     * Plain SQL on the transaction's connection (OpenJPA's handle, which closing only releases): the database checks
     * the WHERE clause again on the row it locks. A JPQL bulk update would not do: OpenJPA makes it
     * {@code UPDATE ... WHERE ID IN (SELECT ...)}, whose subquery PostgreSQL does not re-check.
     */
    private static int sql(EntityManager em, String sql, Object... values) {
        try (Connection c = em.unwrap(Connection.class); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("通知投递记录写入失败：" + e.getMessage(), e);
        }
    }

    /** The latest deliveries, newest first. */
    public List<Delivery> deliveries(int limit) {
        return jpa.txExpr(em -> em.createQuery("select d from DeliveryEntity d order by d.id desc", DeliveryEntity.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1_000))).getResultList().stream()
                .map(d -> new Delivery(d.getId(), d.getInboxId(), d.getChannel(), d.getRecipient(), d.getState(), d.getAttempts(),
                        d.getLastError(), d.getState().equals(DeliveryEntity.PENDING) ? Instant.ofEpochMilli(d.getNextAttemptAt()) : null,
                        d.getDeliveredAt() == null ? null : Instant.ofEpochMilli(d.getDeliveredAt())))
                .toList());
    }
}
