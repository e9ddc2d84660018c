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
import java.util.Map;
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
import cn.supervision.api.tx.LockRetry;
import cn.supervision.scheduler.internal.SlotClaims.Claim;
import cn.supervision.scheduler.internal.model.PassClaimEntity;
import cn.supervision.scheduler.internal.model.PassRunEntity;

/**
 * Runs every {@link ScheduledPass} once a day at the time of etc/cn.supervision.scheduler.cfg (default 01:30
 * Asia/Shanghai). The last scheduled day run is read from the run history, so a day missed while the platform was
 * down is made up once at start (not once per missed day: passes look at the state of now). One run at a time; a pass
 * that throws is recorded as failed and the others still run.
 *
 * <p>Several nodes on one database: each pass of a scheduled day is claimed in the database before it runs
 * ({@link SlotClaims}), so it runs on one node only, and the passes of a day run in order on the node that claimed
 * them. A node that finds a pass claimed by another node whose lease holds leaves the rest of the day to that node; a
 * claim left unfinished by a node that died is taken over once its lease ran out, and the passes after it run too.
 * A finished pass never runs again for its day. Manual runs ({@link #runNow}) are not claimed.
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
    private final SlotClaims claims;
    private final ReentrantLock running = new ReentrantLock();
    private final LockRetry recordRetry = LockRetry.standard();
    /** The claimed pass running now, whose lease the lease thread renews; null between passes. */
    private volatile Running current;
    private volatile DailyTime time = new DailyTime(LocalTime.of(1, 30), ZoneId.of("Asia/Shanghai"));
    /** On a fresh install (no daily run on record) the slot due at the first tick counts as done: nothing to make up. */
    private LocalDate baseline;
    private ScheduledExecutorService timer;

    public DailyScheduler(JpaTemplate jpa, RegistryService registry, Collection<ScheduledPass> passes) {
        this(jpa, registry, passes, Clock.systemUTC());
    }

    DailyScheduler(JpaTemplate jpa, RegistryService registry, Collection<ScheduledPass> passes, Clock clock) {
        this(jpa, registry, passes, clock, SlotClaims.nodeName());
    }

    /** {@code node}: this node's name in the claims (tests run two "nodes" in one JVM). */
    DailyScheduler(JpaTemplate jpa, RegistryService registry, Collection<ScheduledPass> passes, Clock clock, String node) {
        this.jpa = jpa;
        this.registry = registry;
        this.passes = passes;
        this.clock = clock;
        this.claims = new SlotClaims(jpa, clock, node);
    }

    private record Running(long slotDay, String pass) { }

    /**
     * The first tick waits a minute so that the passes of bundles starting after this one are registered. A second
     * thread renews the lease of the pass running meanwhile.
     */
    public void start() {
        timer = Executors.newScheduledThreadPool(2, r -> {
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
        long renew = SlotClaims.RENEW.toSeconds();
        timer.scheduleWithFixedDelay(() -> {
            try {
                renew();
            } catch (RuntimeException e) {
                LOG.warn("每日规则任务续约失败，稍后重试：{}", e.toString());
            }
        }, renew, renew, TimeUnit.SECONDS);
        LOG.info("每日规则任务本节点名为 {}", claims.node());
    }

    /** Renews the lease of the pass running now; called by the lease thread (tests call it with their clock). */
    void renew() {
        Running r = current;
        if (r != null && !claims.renew(r.slotDay(), r.pass())) {
            LOG.warn("每日规则任务 {}（{}）已被其他节点接手：本节点续约超时", r.pass(), LocalDate.ofEpochDay(r.slotDay()));
        }
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
     * Runs the passes of the slot due when the history does not show it as run, or when a node began it and did not
     * finish it; returns what ran here (empty when nothing was due or another node runs it). Called by the timer every
     * 30 seconds; tests call it with their clock.
     */
    List<PassResult> tick() {
        running.lock();
        try {
            Instant now = clock.instant();
            DailyTime t = time;
            LocalDate due = t.dueDay(now);
            Map<String, PassClaimEntity> claimed = claims.of(due.toEpochDay());
            LocalDate last = null;
            if (claimed.isEmpty()) {
                last = lastDailyDay();
                if (last == null) {
                    if (baseline == null) {
                        baseline = due;
                    }
                    last = baseline;
                }
                if (!due.isAfter(last)) {
                    return List.of();
                }
            }
            boolean late = Duration.between(t.slot(due).toInstant(), now).compareTo(LATE) > 0;
            String trigger = late ? CATCH_UP : DAILY;
            return runSlot(due, claimed, trigger, last);
        } finally {
            running.unlock();
        }
    }

    /**
     * The passes of one day in order, each claimed first: a finished one is skipped, one held by another node leaves
     * the rest to that node, one whose node died is taken over.
     */
    private List<PassResult> runSlot(LocalDate day, Map<String, PassClaimEntity> claimed, String trigger, LocalDate last) {
        List<PassResult> results = new ArrayList<>();
        for (ScheduledPass pass : ordered()) {
            String name = nameOf(pass);
            Claim seen = claims.seen(claimed.get(name));
            if (seen == Claim.FINISHED) {
                continue;
            }
            Claim claim = seen == Claim.HELD ? Claim.HELD : claims.claim(day.toEpochDay(), name);
            if (claim == Claim.FINISHED) {
                continue;
            }
            if (claim == Claim.HELD) {
                return results;
            }
            if (claim == Claim.TAKEN_OVER) {
                LOG.warn("接手 {} 的每日规则任务 {}：认领它的节点 {} 未在租约内完成", day, name, claimed.containsKey(name)
                        ? claimed.get(name).getNode() : "?");
            } else if (results.isEmpty() && CATCH_UP.equals(trigger)) {
                LOG.info("补跑 {} 的每日规则任务（上次 {}）", day, last == null ? "未完成" : last);
            }
            results.add(runOne(pass, trigger, day.toEpochDay(), "scheduler"));
        }
        return results;
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

    /**
     * One pass, isolated: whatever it throws is its own failure, recorded, and the next pass runs. A scheduled pass
     * ({@code slotDay} not null) was claimed: its claim is finished with the run record, and renewed meanwhile.
     */
    private PassResult runOne(ScheduledPass pass, String trigger, Long slotDay, String actor) {
        String name = nameOf(pass);
        if (slotDay != null) {
            current = new Running(slotDay, name);
        }
        try {
            return recorded(pass, name, trigger, slotDay, actor);
        } finally {
            current = null;
        }
    }

    private PassResult recorded(ScheduledPass pass, String name, String trigger, Long slotDay, String actor) {
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
        PassResult result = reported;
        String failed = failure;
        long finishedAt = clock.millis();
        PassRunEntity[] recorded = new PassRunEntity[1];
        // the pass has run: only its record is tried again when a lock was lost (e.g. Derby's identity generator giving
        // up when two runs are recorded at once), or the claim would stay unfinished and the pass run again after the lease
        boolean ours = recordRetry.call(() -> jpa.txExpr(em -> {
            // a fresh entity per attempt: a rolled-back persist leaves its instance behind
            PassRunEntity run = new PassRunEntity(name, trigger, slotDay, actor, ranAt.toEpochMilli(), millis,
                    result == null ? 0 : result.examined(), result == null ? 0 : result.changed(),
                    result == null ? List.of() : result.notes(), failed);
            em.persist(run);
            recorded[0] = run;
            return slotDay == null || claims.finish(em, slotDay, name, finishedAt);
        }));
        if (!ours) {
            LOG.warn("每日规则任务 {}（{}）运行超出租约，已被其他节点接手，本次运行仍记入历史", name, LocalDate.ofEpochDay(slotDay));
        }
        return recorded[0].toResult();
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
            List<PassResult> results = new ArrayList<>();
            for (ScheduledPass p : which) {
                results.add(runOne(p, MANUAL, null, caller.username()));
            }
            return results;
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
