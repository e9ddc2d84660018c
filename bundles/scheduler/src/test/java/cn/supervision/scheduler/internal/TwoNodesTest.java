package cn.supervision.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * Two nodes (two schedulers with the same passes and the same clock, each on its own EntityManagerFactory) on one
 * database: each pass of a day runs once,
 * a pass whose node died mid-run is taken over once its lease ran out, and a live node renewing its lease keeps it.
 */
class TwoNodesTest {
    private LocalJpaTemplate jpa;
    private LocalJpaTemplate second;
    private MutableClock clock;
    private final List<ScheduledPass> passes = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** A pass recording which node ran it when; {@code gate} (if set) holds every run until opened or 5 s passed. */
    static final class Pass implements ScheduledPass {
        final String name;
        final List<Instant> runs = new CopyOnWriteArrayList<>();
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate;

        Pass(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PassResult run(Instant now) {
            runs.add(now);
            entered.countDown();
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(30, TimeUnit.SECONDS); // the other node ticks several times meanwhile: room for a loaded CI machine
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new PassResult(name, now, 1, 0, 0, List.of(), null);
        }
    }

    @BeforeEach
    void setUp() {
        jpa = new LocalJpaTemplate("scheduler-test", "META-INF/scheduler-test-persistence.xml");
        second = jpa.secondNode();
        // 2026-03-02 00:00 in Shanghai: before the 01:30 slot
        clock = new MutableClock(Instant.parse("2026-03-01T16:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        second.close();
        jpa.close();
    }

    /** Node A on the first template, node B (and any other) on the second; SQL inside the transactions as under JTA. */
    private DailyScheduler node(String name) {
        LocalJpaTemplate template = name.equals("node-a") ? jpa : second;
        return new DailyScheduler(template.jdbcInTransaction(), new FakeRegistry(FakeRegistry.DONGYING, List.of()), passes, clock, name);
    }

    /** Both nodes started the day before (a fresh install runs nothing at start), now at 01:30 the next day. */
    private void toTheSlot(DailyScheduler a, DailyScheduler b) {
        assertEquals(List.of(), a.tick());
        assertEquals(List.of(), b.tick());
        clock.advance(Duration.ofMinutes(90));
    }

    @Test
    void aPassRunningOnOneNodeIsNotRunOnTheOther() throws Exception {
        Pass first = new Pass("a-first");
        Pass second = new Pass("b-second");
        passes.add(first);
        passes.add(second);
        DailyScheduler a = node("node-a");
        DailyScheduler b = node("node-b");
        toTheSlot(a, b);
        CountDownLatch gate = new CountDownLatch(1);
        first.gate = gate;
        Future<List<PassResult>> onA = threads.submit(a::tick);
        assertTrue(first.entered.await(10, TimeUnit.SECONDS));
        // node B's timer ticks while node A runs the first pass: before, B saw no run record yet and ran every pass too
        List<PassResult> onB = threads.submit(b::tick).get(10, TimeUnit.SECONDS);
        gate.countDown();
        assertEquals(List.of("a-first", "b-second"), onA.get(10, TimeUnit.SECONDS).stream().map(PassResult::pass).toList());
        assertEquals(List.of(), onB, "node B leaves the day to node A");
        assertEquals(1, first.runs.size());
        assertEquals(1, second.runs.size());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), b.tick(), "the day is done");
        assertEquals(List.of(), a.tick());
        assertEquals(List.of("node-a", "node-a"), nodes());
    }

    @Test
    void twoNodesTickingTogetherRunEachPassOnceADay() throws Exception {
        Pass first = new Pass("a-first");
        Pass second = new Pass("b-second");
        Pass third = new Pass("c-third");
        passes.addAll(List.of(first, second, third));
        DailyScheduler a = node("node-a");
        DailyScheduler b = node("node-b");
        toTheSlot(a, b);
        int days = 8;
        for (int day = 0; day < days; day++) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<List<PassResult>>> ticks = new ArrayList<>();
            for (DailyScheduler node : List.of(a, b)) {
                ticks.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return node.tick();
                }));
            }
            int ran = 0;
            for (Future<List<PassResult>> t : ticks) {
                ran += t.get(30, TimeUnit.SECONDS).size();
            }
            assertEquals(3, ran, "day " + day + ": three passes between the two nodes");
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(days, first.runs.size());
        assertEquals(days, second.runs.size());
        assertEquals(days, third.runs.size());
        assertEquals(3L * days, (long) jpa.txExpr(em -> em.createQuery("select count(r) from PassRunEntity r", Long.class).getSingleResult()));
    }

    @Test
    void aPassWhoseNodeDiedIsTakenOverAfterItsLeaseAndTheRestOfTheDayRuns() throws Exception {
        Pass first = new Pass("a-first");
        Pass second = new Pass("b-second");
        Pass third = new Pass("c-third");
        passes.addAll(List.of(first, second, third));
        DailyScheduler b = node("node-b");
        assertEquals(List.of(), b.tick());
        clock.advance(Duration.ofMinutes(90));
        // node A ran a-first, claimed b-second at 01:30 and was killed: its claim is left unfinished
        long day = java.time.LocalDate.of(2026, 3, 2).toEpochDay();
        long at = clock.millis();
        insertClaim(day, "a-first", "node-a", at, at + SlotClaims.LEASE.toMillis(), at);
        insertClaim(day, "b-second", "node-a", at, at + SlotClaims.LEASE.toMillis(), null);

        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), b.tick(), "within node A's lease");
        clock.advance(SlotClaims.LEASE);
        List<PassResult> madeUp = b.tick();
        assertEquals(List.of("b-second", "c-third"), madeUp.stream().map(PassResult::pass).toList(),
                "taken over, and the pass node A never reached");
        assertEquals(0, first.runs.size(), "a finished pass is never run again");
        assertEquals(List.of(), b.tick());
        assertEquals(List.of(), node("node-a-restarted").tick());
        assertEquals(1, second.runs.size());
        assertEquals(1, third.runs.size());
        assertEquals(List.of("node-a", "node-b", "node-b"), nodes());
    }

    @Test
    void aNodeRenewingItsLeaseKeepsItsPassAndOneThatStopsRenewingLosesIt() throws Exception {
        Pass slow = new Pass("slow");
        passes.add(slow);
        DailyScheduler a = node("node-a");
        DailyScheduler b = node("node-b");
        toTheSlot(a, b);
        CountDownLatch gate = new CountDownLatch(1);
        slow.gate = gate;
        Future<List<PassResult>> onA = threads.submit(a::tick);
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 8; i++) { // four minutes, renewed every 30 s
            clock.advance(SlotClaims.RENEW);
            a.renew();
            assertEquals(List.of(), b.tick(), "node A's lease holds");
        }
        // node A hangs (e.g. paused) and renews no more: after the lease node B takes the pass over
        slow.entered = new CountDownLatch(1);
        clock.advance(SlotClaims.LEASE.plusSeconds(1));
        Future<List<PassResult>> onB = threads.submit(b::tick);
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "node B runs it");
        gate.countDown();
        assertEquals(1, onB.get(10, TimeUnit.SECONDS).size());
        assertEquals(1, onA.get(10, TimeUnit.SECONDS).size(), "node A's run still ends and is recorded");
        assertEquals(List.of("node-b"), nodes(), "the claim is node B's, finished by it");
        assertEquals(1L, (long) jpa.txExpr(em -> em.createQuery(
                "select count(c) from PassClaimEntity c where c.finishedAt is not null", Long.class).getSingleResult()));
    }

    @Test
    void manualRunsAreNotClaimed() {
        Pass pass = new Pass("warnings");
        passes.add(pass);
        DailyScheduler a = node("node-a");
        DailyScheduler b = node("node-b");
        toTheSlot(a, b);
        assertEquals(1, a.runNow(cn.supervision.api.security.Caller.system("shell:admin"), null).size());
        assertEquals(1, b.runNow(cn.supervision.api.security.Caller.system("shell:admin"), null).size());
        assertEquals(List.of(), nodes());
        assertEquals(1, b.tick().size(), "the scheduled run still runs once");
        assertEquals(List.of(), a.tick());
        assertEquals(3, pass.runs.size());
    }

    /** The holders of the claims, by pass name. */
    private List<String> nodes() {
        return jpa.txExpr(em -> em.createQuery("select c.node from PassClaimEntity c order by c.pass", String.class).getResultList());
    }

    private void insertClaim(long day, String pass, String node, long claimedAt, long leaseUntil, Long finishedAt) throws Exception {
        try (Connection c = jpa.database().connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO SV_SCHED_CLAIM (SLOTDAY, PASS, NODE, CLAIMEDAT, LEASEUNTIL, FINISHEDAT) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, day);
            s.setString(2, pass);
            s.setString(3, node);
            s.setLong(4, claimedAt);
            s.setLong(5, leaseUntil);
            s.setObject(6, finishedAt, java.sql.Types.BIGINT);
            s.executeUpdate();
        }
    }
}
