package cn.supervision.notification.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notification;
import cn.supervision.api.notification.Notifier;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

class NotificationServiceTest {
    static final UserInfo CITY = new UserInfo("city-admin", Set.of(Role.CITY_ADMIN), "370500", null, "city@demo.supervision.invalid", null);
    static final UserInfo LIJIN = new UserInfo("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null, null, null);
    static final UserInfo LEADER = new UserInfo("city-leader", Set.of(Role.LEADER), "370500", null, null, null);
    static final UserInfo CZJ = new UserInfo("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ", "czj@demo.supervision.invalid", null);
    static final UserInfo CZJ2 = new UserInfo("czj-second", Set.of(Role.UNIT_USER), "370500", "CZJ", null, null);
    static final UserInfo JYJ = new UserInfo("jyj-user", Set.of(Role.UNIT_USER), "370500", "JYJ", "jyj@demo.supervision.invalid", null);
    static final List<UserInfo> USERS = List.of(CITY, LIJIN, LEADER, CZJ, CZJ2, JYJ);
    static final Message DUE = new Message("RECTIFICATION_DUE", "整改期限将至：市财政局", "请于 3 日内报送整改情况。", "/v1/rectification/notices/7");

    private LocalJpaTemplate jpa;
    private MutableClock clock;
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private DeliveryDispatcher dispatcher;
    private JpaNotificationService service;

    static final class Directory implements UserDirectory {
        @Override
        public List<UserInfo> users() {
            return USERS;
        }

        @Override
        public Optional<UserInfo> user(String username) {
            return USERS.stream().filter(u -> u.username().equals(username)).findFirst();
        }
    }

    /** A channel for users with an e-mail address that fails the first {@code failures} attempts. */
    static final class FlakyNotifier implements Notifier {
        final AtomicInteger failures;
        final List<String> delivered = new CopyOnWriteArrayList<>();

        FlakyNotifier(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public String channel() {
            return "email";
        }

        @Override
        public boolean accepts(UserInfo recipient) {
            return recipient.email() != null;
        }

        @Override
        public void deliver(UserInfo recipient, Message message) throws Exception {
            if (failures.getAndDecrement() > 0) {
                throw new java.io.IOException("550 mailbox unavailable");
            }
            delivered.add(recipient.email() + " " + message.subject());
        }
    }

    @BeforeEach
    void setUp() {
        jpa = new LocalJpaTemplate("notification-test", "META-INF/notification-test-persistence.xml");
        clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
        Recipients recipients = new Recipients(new Directory());
        // SQL inside the transactions, as under production's JTA
        dispatcher = new DeliveryDispatcher(jpa.jdbcInTransaction(), recipients, notifiers, clock, 3_600);
        service = new JpaNotificationService(jpa.jdbcInTransaction(), recipients, notifiers, dispatcher, clock);
    }

    @AfterEach
    void tearDown() {
        dispatcher.stop();
        jpa.close();
    }

    static Caller caller(UserInfo u) {
        return new Caller(u.username(), u.roles(), u.jurisdictionCode(), u.unitCode());
    }

    @Test
    void recipientsByNameUnitAndOffice() {
        assertEquals(2, service.toUsers(List.of("city-admin", "nobody", "jyj-user", "city-admin"), DUE), "unknown names skipped, each once");
        assertEquals(2, service.toUnit("370500", "CZJ", new Message("A", "给财政局", null, null)));
        assertEquals(1, service.toOffice("370500", new Message("B", "给市编办", null, null)), "the leader is not the office");
        assertEquals(1, service.toOffice("370522", new Message("B", "给利津县编办", null, null)));
        assertEquals(0, service.toUnit("370500", "GAJ", new Message("A", "给公安局", null, null)));
        assertEquals(List.of("给市编办", "整改期限将至：市财政局"), service.inbox(caller(CITY), false, 0, 100).stream().map(Notification::subject).toList());
        assertEquals(1, service.inbox(caller(CZJ2), false, 0, 100).size());
        assertEquals(0, service.inbox(caller(LEADER), false, 0, 100).size());
    }

    @Test
    void readAndUnreadAreTheOwnersOnly() {
        service.toUsers(List.of("czj-user", "jyj-user"), DUE);
        service.toUsers(List.of("czj-user"), new Message("OTHER", "第二条", "正文", null));
        Caller czj = caller(CZJ);
        List<Notification> inbox = service.inbox(czj, true, 0, 100);
        assertEquals(2, inbox.size());
        assertEquals(2, service.unreadCount(czj));
        Notification first = inbox.get(1);
        assertEquals("/v1/rectification/notices/7", first.link());
        assertNull(first.readAt());

        SupervisionException foreign = assertThrows(SupervisionException.class, () -> service.markRead(caller(JYJ), first.id()));
        assertEquals(ProblemKind.NOT_FOUND, foreign.kind(), "another user's message is not found, not forbidden");
        assertEquals(2, service.unreadCount(czj), "nothing changed by the refused read");
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> service.markRead(czj, 999_999)).kind());

        clock.advance(Duration.ofMinutes(5));
        Notification read = service.markRead(czj, first.id());
        assertEquals(clock.instant(), read.readAt());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(read.readAt(), service.markRead(czj, first.id()).readAt(), "reading again keeps the first time");
        assertEquals(1, service.unreadCount(czj));
        assertEquals(List.of("第二条"), service.inbox(czj, true, 0, 100).stream().map(Notification::subject).toList());
        assertEquals(2, service.inbox(czj, false, 0, 100).size(), "read messages stay in the inbox");
        assertEquals(1, service.unreadCount(caller(JYJ)));
        assertEquals(1, service.inbox(czj, false, 1, 1).size());
    }

    @Test
    void theSameReminderIsWrittenOncePerDay() {
        assertEquals(2, service.toUnit("370500", "CZJ", DUE));
        assertEquals(0, service.toUnit("370500", "CZJ", DUE), "a second run of the daily pass writes nothing");
        assertEquals(1, service.toUsers(List.of("czj-user"), new Message(DUE.category(), DUE.subject(), DUE.body(), "/v1/rectification/notices/8")),
                "another record is another reminder");
        // 2026-03-02T02:00Z is 10:00 in Shanghai; 14 hours later it is the next day there
        clock.advance(Duration.ofHours(14));
        assertEquals(2, service.toUnit("370500", "CZJ", DUE), "the next day it is reminded again");
        assertEquals(2, service.unreadCount(caller(CZJ2)));
        assertEquals(3, service.unreadCount(caller(CZJ)));
    }

    @Test
    void aFailingChannelIsRetriedWithBackoffAndNeverFailsTheCaller() {
        FlakyNotifier mail = new FlakyNotifier(2);
        notifiers.add(mail);
        assertEquals(2, service.toUsers(List.of("czj-user", "lijin-admin"), DUE), "the inbox is written although mail will fail");

        List<Delivery> recorded = dispatcher.deliveries(10);
        assertEquals(1, recorded.size(), "lijin-admin has no e-mail address: no e-mail delivery");
        assertEquals(0, dispatcher.pass());
        Delivery failed = dispatcher.deliveries(10).get(0);
        assertEquals("PENDING", failed.state());
        assertEquals(1, failed.attempts());
        assertEquals("IOException: 550 mailbox unavailable", failed.lastError());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), failed.nextAttemptAt());

        assertEquals(0, dispatcher.pass(), "not retried before its time");
        assertEquals(1, dispatcher.deliveries(10).get(0).attempts());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, dispatcher.pass());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), dispatcher.deliveries(10).get(0).nextAttemptAt(), "the wait grows");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, dispatcher.pass());
        Delivery done = dispatcher.deliveries(10).get(0);
        assertEquals("DELIVERED", done.state());
        assertEquals(3, done.attempts());
        assertEquals(clock.instant(), done.deliveredAt());
        assertNull(done.lastError());
        assertEquals(List.of("czj@demo.supervision.invalid 整改期限将至：市财政局"), mail.delivered);
        assertEquals(0, dispatcher.pass(), "a delivered message is not sent again");
    }

    @Test
    void aChannelThatNeverWorksIsGivenUpAndKeptOnRecord() {
        notifiers.add(new FlakyNotifier(Integer.MAX_VALUE));
        service.toUsers(List.of("czj-user"), DUE);
        for (int i = 0; i <= DeliveryDispatcher.BACKOFF.size(); i++) {
            dispatcher.pass();
            clock.advance(Duration.ofHours(12));
        }
        Delivery given = dispatcher.deliveries(10).get(0);
        assertEquals("FAILED", given.state());
        assertEquals(DeliveryDispatcher.BACKOFF.size() + 1, given.attempts());
        assertNull(given.nextAttemptAt());
        assertEquals(0, dispatcher.pass());
        assertEquals(DeliveryDispatcher.BACKOFF.size() + 1, dispatcher.deliveries(10).get(0).attempts());
    }

    @Test
    void deliveryRunsOnItsOwnThreadWhileTheCallerHasReturned() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        notifiers.add(new Notifier() {
            @Override
            public String channel() {
                return "sms";
            }

            @Override
            public boolean accepts(UserInfo recipient) {
                return true;
            }

            @Override
            public void deliver(UserInfo recipient, Message message) throws Exception {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
        });
        notifiers.add(new Notifier() {
            @Override
            public String channel() {
                return "broken";
            }

            @Override
            public boolean accepts(UserInfo recipient) {
                throw new IllegalStateException("adapter bug");
            }

            @Override
            public void deliver(UserInfo recipient, Message message) {
            }
        });
        dispatcher.start();
        assertEquals(1, service.toUsers(List.of("city-leader"), DUE), "returns while the channel is still busy");
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the dispatcher's thread delivers it");
        assertEquals(1, service.unreadCount(caller(LEADER)));
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"DELIVERED".equals(dispatcher.deliveries(1).get(0).state()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals("DELIVERED", dispatcher.deliveries(1).get(0).state());
        assertEquals("sms", dispatcher.deliveries(1).get(0).channel());
        assertNotNull(dispatcher.deliveries(1).get(0).deliveredAt());
    }
}
