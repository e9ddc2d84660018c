package cn.supervision.scheduler.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.scheduler.internal.model.PassRunEntity;

/**
 * Runs every {@link ScheduledPass} once a day at the time of etc/cn.supervision.scheduler.cfg (default 01:30
 * Asia/Shanghai). The last scheduled day run is read from the run history, so a day missed while the platform was
 * down is made up once at start (not once per missed day: passes look at the state of now). One run at a time; a pass
 * that throws is recorded as failed and the others still run.
 */
public class DailyScheduler implements Scheduler, ManagedService {
    public static final String PID = "cn.supervision.scheduler";
    static final String DAILY = "DAILY";
    static final String CATCH_UP = "CATCH_UP";
    static final String MANUAL = "MANUAL";
    /** A slot ticked later than this after its time is reported as a catch-up. */
    static final Duration LATE = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(DailyScheduler.class);

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Collection<ScheduledPass> passes;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile DailyTime time = new DailyTime(LocalTime.of(1, 30), ZoneId.of("Asia/Shanghai"));
    /** On a fresh install (no daily run on record) the slot due at the first tick counts as done: nothing to make up. */
    private LocalDate baseline;
    private ScheduledExecutorService timer;

    public DailyScheduler(JpaTemplate jpa, RegistryService registry, Collection<ScheduledPass> passes) {
        this(jpa, registry, passes, Clock.systemUTC());
    }

    DailyScheduler(JpaTemplate jpa, RegistryService registry, Collection<ScheduledPass> passes, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.passes = passes;
        this.clock = clock;
    }

    /** The first tick waits a minute so that the passes of bundles starting after this one are registered. */
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "supervision-scheduler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.error("每日规则任务调度出错，下次检查时重试：{}", e.toString());
            }
        }, 60, 30, TimeUnit.SECONDS);
    }

    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public void updated(Dictionary<String, ?> properties) throws ConfigurationException {
        try {
            time = parse(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("每日规则任务配置 {} 无效，沿用 {} {}：{}", PID, time.at(), time.zone(), e.getMessage());
            throw new ConfigurationException(null, e.getMessage());
        }
        LOG.info("每日规则任务每天 {}（{}）运行，下次 {}", time.at(), time.zone(), time.next(clock.instant()));
    }

    static DailyTime parse(Dictionary<String, ?> p) {
        Object t = p == null ? null : p.get("time");
        Object z = p == null ? null : p.get("zone");
        List<String> problems = new ArrayList<>();
        LocalTime at = LocalTime.of(1, 30);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        if (t != null && !t.toString().isBlank()) {
            try {
                at = LocalTime.parse(t.toString().trim());
            } catch (DateTimeParseException e) {
                problems.add("time 必须是 HH:mm");
            }
        }
        if (z != null && !z.toString().isBlank()) {
            try {
                zone = ZoneId.of(z.toString().trim());
            } catch (RuntimeException e) {
                problems.add("zone 必须是时区名称，如 Asia/Shanghai");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        return new DailyTime(at, zone);
    }

    /**
     * Runs the passes when a slot is due that the history does not show as run; returns what ran (empty when nothing
     * was due). Called by the timer every 30 seconds; tests call it with their clock.
     */
    List<PassResult> tick() {
        running.lock();
        try {
            Instant now = clock.instant();
            DailyTime t = time;
            LocalDate due = t.dueDay(now);
            LocalDate last = lastDailyDay();
            if (last == null) {
                if (baseline == null) {
                    baseline = due;
                }
                last = baseline;
            }
            if (!due.isAfter(last)) {
                return List.of();
            }
            boolean late = Duration.between(t.slot(due).toInstant(), now).compareTo(LATE) > 0;
            String trigger = late ? CATCH_UP : DAILY;
            if (late) {
                LOG.info("补跑 {} 的每日规则任务（上次 {}）", due, last);
            }
            return runAll(ordered(), trigger, due.toEpochDay(), "scheduler");
        } finally {
            running.unlock();
        }
    }

    private LocalDate lastDailyDay() {
        Long day = jpa.txExpr(em -> em.createQuery("select max(r.slotDay) from PassRunEntity r where r.triggerKind <> :m", Long.class)
                .setParameter("m", MANUAL).getSingleResult());
        return day == null ? null : LocalDate.ofEpochDay(day);
    }

    private List<ScheduledPass> ordered() {
        return passes.stream().sorted(Comparator.comparing(DailyScheduler::nameOf)).toList();
    }

    private static String nameOf(ScheduledPass p) {
        try {
            return p.name();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private List<PassResult> runAll(List<ScheduledPass> which, String trigger, Long slotDay, String actor) {
        List<PassResult> results = new ArrayList<>();
        for (ScheduledPass pass : which) {
            results.add(runOne(pass, trigger, slotDay, actor));
        }
        return results;
    }

    /** One pass, isolated: whatever it throws is its own failure, recorded, and the next pass runs. */
    private PassResult runOne(ScheduledPass pass, String trigger, Long slotDay, String actor) {
        String name = nameOf(pass);
        Instant ranAt = clock.instant();
        long started = System.nanoTime();
        PassResult reported;
        String failure;
        try {
            reported = pass.run(ranAt);
            failure = reported == null ? "任务未返回结果" : reported.failure();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
            reported = null;
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failure != null) {
            LOG.error("每日规则任务 {} 失败：{}", name, failure);
        } else {
            LOG.info("每日规则任务 {}：检查 {}，变更 {}，{} ms", name, reported.examined(), reported.changed(), millis);
        }
        PassRunEntity run = new PassRunEntity(name, trigger, slotDay, actor, ranAt.toEpochMilli(), millis,
                reported == null ? 0 : reported.examined(), reported == null ? 0 : reported.changed(),
                reported == null ? List.of() : reported.notes(), failure);
        jpa.tx(em -> em.persist(run));
        return run.toResult();
    }

    @Override
    public List<PassResult> runNow(Caller caller, String pass) {
        requireOperator(caller);
        List<ScheduledPass> all = ordered();
        List<ScheduledPass> which = pass == null || pass.isBlank() ? all
                : all.stream().filter(p -> pass.trim().equals(nameOf(p))).toList();
        if (which.isEmpty() && pass != null && !pass.isBlank()) {
            throw SupervisionException.notFound("每日规则任务 " + pass.trim() + " 不存在（现有："
                    + String.join("、", all.stream().map(DailyScheduler::nameOf).toList()) + "）");
        }
        if (!running.tryLock()) {
            throw SupervisionException.conflict("每日规则任务正在运行，请稍后再试");
        }
        try {
            return runAll(which, MANUAL, null, caller.username());
        } finally {
            running.unlock();
        }
    }

    @Override
    public List<PassResult> history(Caller caller, int limit) {
        requireOperator(caller);
        int n = Math.max(1, Math.min(limit, 1_000));
        return jpa.txExpr(em -> em.createQuery("select r from PassRunEntity r order by r.id desc", PassRunEntity.class)
                .setMaxResults(n).getResultList().stream().map(PassRunEntity::toResult).toList());
    }

    /** The passes cross every jurisdiction: the root jurisdiction's office (and the platform) only. */
    private void requireOperator(Caller caller) {
        Access access = registry.access();
        List<Jurisdiction> roots = registry.listJurisdictions(Caller.system("scheduler")).stream()
                .filter(j -> j.parentCode() == null).toList();
        if (caller.isSystem() || roots.stream().anyMatch(r -> access.may(caller, Operation.RUN_DAILY_PASSES, r.code()))) {
            return;
        }
        throw Access.denied(Operation.RUN_DAILY_PASSES, Target.of(roots.isEmpty() ? caller.jurisdictionCode() : roots.get(0).code()));
    }
}
