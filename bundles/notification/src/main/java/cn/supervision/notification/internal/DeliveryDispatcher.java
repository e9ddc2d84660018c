package cn.supervision.notification.internal;

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
 */
public class DeliveryDispatcher {
    /** Waits before attempts 2, 3, …; a delivery failing once more after the last is given up. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12));
    /** Deliveries attempted per pass; the rest wait for the next one. */
    static final int BATCH = 200;
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

    private boolean attempt(long id) {
        DeliveryEntity d = jpa.txExpr(em -> em.find(DeliveryEntity.class, id));
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
            long at = clock.millis();
            jpa.tx(em -> em.find(DeliveryEntity.class, id).delivered(at));
            return true;
        } catch (Exception e) {
            // the message text of mail errors names the server's answer, never the credentials
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempts = d.getAttempts() + 1;
        Instant now = clock.instant();
        Long retryAt = attempts <= BACKOFF.size() ? now.plus(BACKOFF.get(attempts - 1)).toEpochMilli() : null;
        String recorded = error;
        jpa.tx(em -> em.find(DeliveryEntity.class, id).failed(recorded, retryAt));
        if (retryAt == null) {
            LOG.error("通知 {} 经 {} 发给 {} 第 {} 次失败，已放弃：{}", m.getId(), d.getChannel(), d.getRecipient(), attempts, error);
        } else {
            LOG.warn("通知 {} 经 {} 发给 {} 第 {} 次失败，{} 重试：{}", m.getId(), d.getChannel(), d.getRecipient(), attempts,
                    Instant.ofEpochMilli(retryAt), error);
        }
        return false;
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
