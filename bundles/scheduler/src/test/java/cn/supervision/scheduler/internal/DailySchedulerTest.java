package cn.supervision.scheduler.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationException;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

class DailySchedulerTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller UNIT = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");

    private LocalJpaTemplate jpa;
    private MutableClock clock;
    private final List<ScheduledPass> passes = new CopyOnWriteArrayList<>();
    private DailyScheduler scheduler;

    /** A pass that records the instants it was run at. */
    static final class Recording implements ScheduledPass {
        final String name;
        final List<Instant> runs = new CopyOnWriteArrayList<>();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PassResult run(Instant now) {
            runs.add(now);
            return new PassResult(name, now, 10, 2, 0, List.of("提醒 2 个单位"), null);
        }
    }

    @BeforeEach
    void setUp() {
        jpa = new LocalJpaTemplate("scheduler-test", "META-INF/scheduler-test-persistence.xml");
        // 2026-03-02 00:00 in Shanghai (UTC+8): before the 01:30 slot
        clock = new MutableClock(Instant.parse("2026-03-01T16:00:00Z"));
        scheduler = new DailyScheduler(jpa, new FakeRegistry(FakeRegistry.DONGYING, List.of()), passes, clock);
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private DailyScheduler restarted() {
        return new DailyScheduler(jpa, new FakeRegistry(FakeRegistry.DONGYING, List.of()), passes, clock);
    }

    @Test
    void theDailySlotIsShanghaiLocalTime() throws Exception {
        DailyTime t = new DailyTime(LocalTime.of(1, 30), SHANGHAI);
        assertEquals(LocalDate.of(2026, 3, 1), t.dueDay(Instant.parse("2026-03-01T17:29:59Z")), "01:29:59 in Shanghai: yesterday's slot");
        assertEquals(LocalDate.of(2026, 3, 2), t.dueDay(Instant.parse("2026-03-01T17:30:00Z")), "01:30 in Shanghai is 17:30 UTC the day before");
        assertEquals(Instant.parse("2026-03-02T17:30:00Z"), t.next(Instant.parse("2026-03-01T17:30:00Z")).toInstant());
        assertEquals(LocalDate.of(2026, 12, 31), t.dueDay(Instant.parse("2026-12-31T17:00:00Z")), "01:00 on 1 January in Shanghai");
        assertEquals(LocalDate.of(2027, 1, 1), t.dueDay(Instant.parse("2026-12-31T23:00:00Z")), "07:00 on 1 January in Shanghai, still 31 December in UTC");

        Hashtable<String, Object> cfg = new Hashtable<>();
        cfg.put("time", "23:15");
        scheduler.updated(cfg);
        cfg.put("time", "25:00");
        cfg.put("zone", "Mars/Olympus");
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> scheduler.updated(cfg));
        assertTrue(bad.getReason().contains("time") && bad.getReason().contains("zone"), bad.getReason());
        assertEquals(new DailyTime(LocalTime.of(1, 30), SHANGHAI), DailyScheduler.parse(null), "default 01:30 Asia/Shanghai");
    }

    @Test
    void runsOnceADayAtTheConfiguredTimeAndNeverTwice() {
        Recording pass = new Recording("rectification-deadlines");
        passes.add(pass);
        assertEquals(List.of(), scheduler.tick(), "a fresh install does not run at start: nothing was missed");
        clock.advance(Duration.ofMinutes(89));
        assertEquals(List.of(), scheduler.tick(), "01:29 in Shanghai");
        clock.advance(Duration.ofMinutes(1));
        List<PassResult> ran = scheduler.tick();
        assertEquals(1, ran.size(), "01:30 in Shanghai");
        assertEquals(Instant.parse("2026-03-01T17:30:00Z"), pass.runs.get(0));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), scheduler.tick(), "the next tick of the same day runs nothing");
        assertEquals(List.of(), restarted().tick(), "nor does a restart on the same day");
        clock.advance(Duration.ofHours(24));
        assertEquals(1, scheduler.tick().size(), "the next day");
        assertEquals(2, pass.runs.size());
    }

    @Test
    void aRunRecordThatLostItsLockIsWrittenAgainAndFinishesTheClaim() {
        Recording pass = new Recording("warning-reminders");
        passes.add(pass);
        java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();
        // the first transaction that records a run loses its lock, as Derby's identity generator does when two runs are
        // recorded at once
        cn.supervision.testing.AbstractJpaTemplate losingOnce = new cn.supervision.testing.AbstractJpaTemplate() {
            @Override
            public <R> R txExpr(org.apache.aries.jpa.template.TransactionType type, org.apache.aries.jpa.template.EmFunction<R> code) {
                return jpa.txExpr(type, em -> {
                    R r = code.apply(em);
                    boolean recordsARun = org.apache.openjpa.persistence.OpenJPAPersistence.cast(em).getManagedObjects().stream()
                            .anyMatch(o -> o instanceof cn.supervision.scheduler.internal.model.PassRunEntity);
                    if (recordsARun && lost.getAndIncrement() == 0) {
                        throw new IllegalStateException(new java.sql.SQLException("A lock could not be obtained within the time requested", "40XL1"));
                    }
                    return r;
                });
            }
        };
        DailyScheduler losing = new DailyScheduler(losingOnce, new FakeRegistry(FakeRegistry.DONGYING, List.of()), passes, clock);
        losing.tick();
        clock.advance(Duration.ofMinutes(90));
        List<PassResult> ran = losing.tick();
        assertEquals(1, ran.size(), "the pass's result, not the lost lock");
        assertNull(ran.get(0).failure());
        assertEquals(1, pass.runs.size(), "the pass itself ran once");
        assertEquals(2, lost.get(), "its record was written on the second attempt");
        assertEquals(1, scheduler.history(CITY, 10).size());
        assertTrue(jpa.txExpr(em -> em.createQuery("select c from PassClaimEntity c",
                cn.supervision.scheduler.internal.model.PassClaimEntity.class).getResultList()).stream().allMatch(c -> c.getFinishedAt() != null),
                "the claim is finished: no node runs the pass again after the lease");
    }

    @Test
    void aDayMissedWhileDownIsMadeUpOnceAtStart() {
        Recording pass = new Recording("campaign-deadlines");
        passes.add(pass);
        scheduler.tick();
        clock.advance(Duration.ofMinutes(90));
        assertEquals(1, scheduler.tick().size());
        // down for three days, started again at 09:00 on the fourth
        clock.advance(Duration.ofDays(3).plusHours(7).plusMinutes(30));
        DailyScheduler after = restarted();
        List<PassResult> madeUp = after.tick();
        assertEquals(1, madeUp.size(), "made up once, not once per missed day");
        assertEquals(List.of(), after.tick());
        assertEquals(2, pass.runs.size());
        assertEquals(List.of("CATCH_UP", "DAILY"), jpa.txExpr(em -> em.createQuery(
                "select r.triggerKind from PassRunEntity r order by r.id desc", String.class).getResultList()));
    }

    @Test
    void aFailingPassDoesNotStopTheOthers() {
        Recording before = new Recording("a-first");
        Recording after = new Recording("c-last");
        passes.add(after);
        passes.add(new ScheduledPass() {
            @Override
            public String name() {
                return "b-broken";
            }

            @Override
            public PassResult run(Instant now) {
                throw new IllegalStateException("数据库连接中断");
            }
        });
        passes.add(before);
        List<PassResult> results = scheduler.runNow(Caller.system("shell:admin"), null);
        assertEquals(List.of("a-first", "b-broken", "c-last"), results.stream().map(PassResult::pass).toList());
        assertNull(results.get(0).failure());
        assertEquals("IllegalStateException: 数据库连接中断", results.get(1).failure());
        assertNull(results.get(2).failure());
        assertEquals(1, after.runs.size(), "the pass after the failing one ran");
        assertEquals(List.of("提醒 2 个单位"), results.get(2).notes());
        List<PassResult> history = scheduler.history(CITY, 10);
        assertEquals(List.of("c-last", "b-broken", "a-first"), history.stream().map(PassResult::pass).toList(), "newest first");
        assertEquals(10, history.get(0).examined());
        assertEquals(2, scheduler.history(CITY, 2).size(), "bounded");
        assertEquals(List.of(), scheduler.tick(), "a manual run does not take the place of the daily one");
    }

    @Test
    void runNowIsForTheRootOfficeAndThePlatform() {
        Recording pass = new Recording("warnings");
        passes.add(pass);
        assertEquals(1, scheduler.runNow(CITY, "warnings").size());
        for (Caller refused : List.of(LIJIN, LEADER, UNIT)) {
            SupervisionException e = assertThrows(SupervisionException.class, () -> scheduler.runNow(refused, null), refused.username());
            assertEquals(ProblemKind.FORBIDDEN, e.kind());
            assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> scheduler.history(refused, 10)).kind());
        }
        SupervisionException unknown = assertThrows(SupervisionException.class, () -> scheduler.runNow(CITY, "nope"));
        assertEquals(ProblemKind.NOT_FOUND, unknown.kind());
        assertTrue(unknown.getMessage().contains("warnings"), unknown.getMessage());
        assertEquals(1, pass.runs.size(), "refused callers ran nothing");
        assertEquals(1, scheduler.history(Caller.system("shell:admin"), 10).size());
    }

    @Test
    void oneRunAtATime() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        passes.add(new ScheduledPass() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public PassResult run(Instant now) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new PassResult("slow", now, 0, 0, 0, List.of(), null);
            }
        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<List<PassResult>> first = other.submit(() -> scheduler.runNow(CITY, null));
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            SupervisionException busy = assertThrows(SupervisionException.class, () -> scheduler.runNow(CITY, null));
            assertEquals(ProblemKind.CONFLICT, busy.kind());
            release.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS).size());
            assertEquals(1, scheduler.history(CITY, 10).size(), "the refused run left no record");
        } finally {
            other.shutdownNow();
        }
    }
}
