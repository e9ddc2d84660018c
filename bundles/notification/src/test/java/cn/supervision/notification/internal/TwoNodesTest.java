package cn.supervision.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notifier;
import cn.supervision.api.security.UserInfo;
import cn.supervision.schema.Changelogs;
import cn.supervision.testing.CommitGate;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.TestDatabase;

/**
 * Two nodes on one database (each its own EntityManagerFactory, dispatcher and service, one clock): a delivery is sent
 * by one node only, a delivery whose node stopped mid-send is sent by the other after the lease, and the same message
 * sent on both nodes at once is written to each inbox once. And the unique inbox key on a database that already holds
 * duplicates.
 */
class TwoNodesTest {
    static final Message DUE = NotificationServiceTest.DUE;

    private LocalJpaTemplate jpa;
    private LocalJpaTemplate second;
    private MutableClock clock;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** E-mail that records what it sent; the first sending waits for {@code release} and then fails if told to. */
    static final class HeldMail implements Notifier {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final AtomicBoolean first = new AtomicBoolean(true);
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean firstFails;

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
            if (first.compareAndSet(true, false)) {
                sending.countDown();
                release.await(10, TimeUnit.SECONDS);
                if (firstFails) {
                    throw new java.io.IOException("421 connection dropped");
                }
            }
            delivered.add(recipient.email());
        }
    }

    private record Node(DeliveryDispatcher dispatcher, JpaNotificationService service) { }

    @BeforeEach
    void setUp() {
        jpa = new LocalJpaTemplate("notification-test", "META-INF/notification-test-persistence.xml");
        second = jpa.secondNode();
        clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        second.close();
        jpa.close();
    }

    private Node node(org.apache.aries.jpa.template.JpaTemplate template, Notifier mail) {
        Recipients recipients = new Recipients(new NotificationServiceTest.Directory());
        DeliveryDispatcher d = new DeliveryDispatcher(template, recipients, List.of(mail), clock, 3_600);
        return new Node(d, new JpaNotificationService(template, recipients, List.of(mail), d, clock));
    }

    @Test
    void aDeliveryBeingSentOnOneNodeIsNotSentByTheOther() throws Exception {
        HeldMail mail = new HeldMail();
        Node a = node(jpa.jdbcInTransaction(), mail);
        Node b = node(second.jdbcInTransaction(), mail);
        assertEquals(3, a.service().toUsers(List.of("city-admin", "czj-user", "jyj-user"), DUE));

        Future<Integer> onA = threads.submit(() -> a.dispatcher().pass());
        assertTrue(mail.sending.await(10, TimeUnit.SECONDS), "node A is sending the first");
        // before, node B's poll selected the same pending deliveries and e-mailed each of them too
        int onB = b.dispatcher().pass();
        mail.release.countDown();
        int sentByA = onA.get(10, TimeUnit.SECONDS);
        assertEquals(2, onB, "node B sends the two node A has not claimed");
        assertEquals(1, sentByA, "node A sends the one it claimed, and not the two node B sent meanwhile");
        assertEquals(List.of("city@demo.supervision.invalid", "czj@demo.supervision.invalid", "jyj@demo.supervision.invalid"),
                mail.delivered.stream().sorted().toList(), "each e-mail once");
        assertTrue(a.dispatcher().deliveries(10).stream().allMatch(d -> d.state().equals("DELIVERED") && d.attempts() == 1),
                a.dispatcher().deliveries(10).toString());
        assertEquals(0, b.dispatcher().pass());
    }

    @Test
    void aDeliveryWhoseNodeStoppedIsSentByTheOtherAfterTheLease() throws Exception {
        HeldMail mail = new HeldMail();
        mail.firstFails = true;
        Node a = node(jpa.jdbcInTransaction(), mail);
        Node b = node(second.jdbcInTransaction(), mail);
        assertEquals(1, a.service().toUsers(List.of("czj-user"), DUE));

        Future<Integer> onA = threads.submit(() -> a.dispatcher().pass());
        assertTrue(mail.sending.await(10, TimeUnit.SECONDS));
        assertEquals(0, b.dispatcher().pass(), "claimed by node A");
        clock.advance(DeliveryDispatcher.LEASE.minusSeconds(1));
        assertEquals(0, b.dispatcher().pass(), "within node A's lease");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, b.dispatcher().pass(), "node A's lease has passed: node B sends it");
        // node A's sending, cut off, ends in an error: it must not put back a delivery node B has made
        mail.release.countDown();
        assertEquals(0, onA.get(10, TimeUnit.SECONDS));
        Delivery d = a.dispatcher().deliveries(1).get(0);
        assertEquals("DELIVERED", d.state());
        assertEquals(1, d.attempts());
        assertEquals(List.of("czj@demo.supervision.invalid"), mail.delivered);
    }

    @Test
    void theSameMessageSentOnTwoNodesAtOnceIsWrittenOnce() throws Exception {
        HeldMail mail = new HeldMail();
        CommitGate gate = new CommitGate(jpa.jdbcInTransaction());
        Node a = node(gate, mail);
        Node b = node(second.jdbcInTransaction(), mail);
        gate.holdNext();
        Future<Integer> onA = threads.submit(() -> a.service().toUnit("370500", "CZJ", DUE));
        gate.awaitHeld(); // node A wrote both inbox entries, not committed
        Future<Integer> onB = threads.submit(() -> b.service().toUnit("370500", "CZJ", DUE));
        // before, on PostgreSQL node B saw nothing committed and wrote both entries again, each with its e-mail
        assertTrue(jpa.database().awaitLockWait("SV_NT_INBOX", Duration.ofSeconds(10)),
                "node B waits for node A's uncommitted inbox entries");
        gate.open();
        assertEquals(2, onA.get(10, TimeUnit.SECONDS));
        assertEquals(0, onB.get(10, TimeUnit.SECONDS), "node B waited for node A's entries and wrote none");
        assertEquals(2L, count("SELECT COUNT(*) FROM SV_NT_INBOX"));
        assertEquals(1L, count("SELECT COUNT(*) FROM SV_NT_DELIVERY"), "one e-mail (czj-second has no address)");
    }

    private long count(String sql) throws Exception {
        try (Connection c = jpa.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void anUpgradedDatabaseWithDuplicateEntriesGetsTheUniqueKeyAndKeepsEveryMessage() throws Exception {
        try (TestDatabase db = TestDatabase.fresh(); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                // SV_NT_INBOX as the release before made it: the dedupe index was not unique
                s.execute("CREATE TABLE SV_NT_INBOX (ID BIGINT NOT NULL PRIMARY KEY, BODY VARCHAR(4000), CATEGORY VARCHAR(64) NOT NULL,"
                        + " CREATEDAT BIGINT, DEDUPKEY VARCHAR(64) NOT NULL, LINK VARCHAR(500), READAT BIGINT,"
                        + " RECIPIENT VARCHAR(64) NOT NULL, SUBJECT VARCHAR(200) NOT NULL)");
                s.execute("CREATE INDEX IX_NT_INBOX_DEDUP ON SV_NT_INBOX (RECIPIENT, DEDUPKEY)");
                s.execute("CREATE INDEX IX_NT_INBOX_RECIPIENT ON SV_NT_INBOX (RECIPIENT, READAT)");
            }
            String key = JpaNotificationService.dedupKey("A", null, "提醒", java.time.LocalDate.of(2026, 3, 1));
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {1L, "czj-user", key});
            rows.add(new Object[] {2L, "czj-user", key}); // the race of two nodes
            rows.add(new Object[] {3L, "jyj-user", key});
            rows.add(new Object[] {4L, "czj-user", key}); // and a third
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO SV_NT_INBOX (ID, CATEGORY, CREATEDAT, DEDUPKEY, RECIPIENT, SUBJECT) VALUES (?, 'A', 0, ?, ?, '提醒')")) {
                for (Object[] r : rows) {
                    insert.setLong(1, (Long) r[0]);
                    insert.setString(2, (String) r[2]);
                    insert.setString(3, (String) r[1]);
                    insert.executeUpdate();
                }
            }
            Changelogs.update(c, getClass().getClassLoader(), "db/changelog/notification.xml");
            List<String> keys = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT ID, DEDUPKEY FROM SV_NT_INBOX ORDER BY ID")) {
                while (r.next()) {
                    keys.add(r.getLong(1) + " " + r.getString(2));
                }
            }
            assertEquals(List.of("1 " + key, "2 dup:2", "3 " + key, "4 dup:4"), keys, "every message kept; the first of a pair keeps the key");
            try (PreparedStatement again = c.prepareStatement(
                    "INSERT INTO SV_NT_INBOX (ID, CATEGORY, CREATEDAT, DEDUPKEY, RECIPIENT, SUBJECT) VALUES (5, 'A', 0, ?, 'czj-user', '提醒')")) {
                again.setString(1, key);
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, again::executeUpdate);
                assertEquals("23505", refused.getSQLState(), "the key is unique now");
            }
        }
    }
}
