package cn.supervision.platform.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.PlatformFeed;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;

/**
 * Scheduled pulls, one per feed configuration (each handed over by a {@link FeedConfiguration}). A run missed while the
 * platform was down is made up once when its configuration arrives; a feed never runs twice at once on one node.
 *
 * <p>Several nodes on one database (each with the same feed configurations): every node's timer fires each slot, and
 * the node whose run row for that slot is inserted first runs it ({@link FeedRuns#openSlot}); the others do nothing.
 * The running node renews its lease every tick; a slot run left RUNNING by a node that died is taken over by another
 * node's tick once the lease ran out, continuing the run's attempts. Manual runs are not claimed (ingestion stores an
 * unchanged export once anyway).
 */
public class FeedScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

    private final FeedDefinitions definitions = new FeedDefinitions();
    private final FeedRuns runs;
    private final FeedRunner runner;
    private final Clock clock;
    private final Map<String, ZonedDateTime> nextFire = new ConcurrentHashMap<>();
    private final Map<String, InProgress> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> thread(r, "supervision-feed-timer"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> thread(r, "supervision-feed"));

    public FeedScheduler(JpaTemplate jpa, RegistryService registry, Ingestion ingestion, Collection<PlatformFeed> feeds) {
        this(jpa, registry, ingestion, feeds, Clock.systemUTC());
    }

    FeedScheduler(JpaTemplate jpa, RegistryService registry, Ingestion ingestion, Collection<PlatformFeed> feeds, Clock clock) {
        this(jpa, registry, ingestion, feeds, clock, nodeName());
    }

    /** {@code node}: this node's name on the runs it holds (tests run two "nodes" in one JVM). */
    FeedScheduler(JpaTemplate jpa, RegistryService registry, Ingestion ingestion, Collection<PlatformFeed> feeds, Clock clock,
                  String node) {
        this.clock = clock;
        this.runs = new FeedRuns(jpa, clock, node);
        this.runner = new FeedRunner(runs, ingestion, new Access(registry), feeds, timer, workers);
    }

    /** A run of this node in progress. */
    private record InProgress(long runId, CompletableFuture<FeedRun> done) {
        boolean active() {
            return !done.isDone();
        }
    }

    /** Host, process id and a random part. */
    static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = System.getenv().getOrDefault("HOSTNAME", "node");
        }
        String name = host + "/" + ProcessHandle.current().pid() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                // a periodic task that throws is never run again: the next tick retries
                LOG.error("数据拉取调度出错，下次检查时重试：{}", e.toString());
            }
        }, 30, 30, TimeUnit.SECONDS);
    }

    public void stop() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * A feed configuration arrived or changed. An invalid one is logged, its feed dropped, and the problems thrown as
     * {@link IllegalArgumentException}.
     */
    void configured(Object configuration, Map<String, ?> properties) {
        FeedDefinition d;
        try {
            d = FeedDefinitions.parse(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("数据拉取配置 {} 无效，已忽略：{}", properties.get("service.pid"), e.getMessage());
            removed(configuration);
            throw e;
        }
        definitions.put(configuration, d);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(FeedDefinitions.ZONE);
        nextFire.put(d.name(), FeedDefinitions.next(d, now));
        LOG.info("数据拉取任务 {}：每月 {} 日 {} 从 {} 拉取，下次 {}", d.name(), d.daysOfMonth(), d.time(), HttpFeed.masked(d.location()),
                nextFire.get(d.name()));
        ZonedDateTime missed = FeedDefinitions.previous(d, now);
        List<FeedRun> last = runs.of(d.name(), 1);
        if (missed != null && !last.isEmpty() && last.get(0).startedAt().isBefore(missed.toInstant())
                && launchSlot(d, missed.toInstant().toEpochMilli())) {
            LOG.info("数据拉取任务 {} 错过了 {} 的运行，现在补跑", d.name(), missed);
        }
    }

    void removed(Object configuration) {
        FeedDefinition d = definitions.remove(configuration);
        if (d != null) {
            nextFire.remove(d.name());
        }
    }

    /** The definitions as they may be shown: credentials in locations masked. */
    public List<FeedDefinition> shown() {
        return definitions.shown();
    }

    public FeedDefinition definition(String name) {
        return definitions.named(name);
    }

    public List<FeedRun> runs(String name, int limit) {
        return runs.of(name, limit);
    }

    /**
     * Every 30 seconds: renews the leases of this node's runs, starts the slots that are due (if this node claims
     * them) and takes over slot runs whose node's lease ran out.
     */
    void tick() {
        for (InProgress p : running.values()) {
            if (p.active() && !runs.renew(p.runId())) {
                LOG.warn("数据拉取运行 {} 已由其他节点接手（本节点租约已过期）", p.runId());
            }
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(FeedDefinitions.ZONE);
        for (FeedDefinition d : definitions.all()) {
            ZonedDateTime due = nextFire.get(d.name());
            if (due != null && !now.isBefore(due)) {
                nextFire.put(d.name(), FeedDefinitions.next(d, now));
                launchSlot(d, due.toInstant().toEpochMilli());
            }
        }
        for (FeedRuns.Stale s : runs.stale()) {
            FeedDefinition d = definitions.named(s.feed());
            if (d != null) {
                takeOver(d, s);
            }
        }
    }

    /**
     * Starts the scheduled run of {@code slotAt} if this node claims it (not while a run of the feed is in progress
     * here, as before); false when nothing was started.
     */
    private boolean launchSlot(FeedDefinition d, long slotAt) {
        boolean[] started = {false};
        running.compute(d.name(), (name, current) -> {
            if (current != null && current.active()) {
                return current;
            }
            Long id = runs.openSlot(d.name(), slotAt);
            if (id == null) {
                return current; // another node has (or had) this slot
            }
            started[0] = true;
            return start(d, id, 1);
        });
        return started[0];
    }

    /** Continues a run whose node died: from the attempt after those it recorded, with the feed's retries left. */
    private void takeOver(FeedDefinition d, FeedRuns.Stale s) {
        running.compute(d.name(), (name, current) -> {
            if (current != null && current.active()) {
                return current;
            }
            Integer attempts = runs.takeOver(s.id());
            if (attempts == null) {
                return current;
            }
            LOG.warn("接手数据拉取任务 {} 在 {} 的运行 {}：原节点未在租约内完成", d.name(), java.time.Instant.ofEpochMilli(s.slotAt()), s.id());
            return start(d, s.id(), attempts + 1);
        });
    }

    private InProgress start(FeedDefinition d, long runId, int attempt) {
        CompletableFuture<FeedRun> run = new CompletableFuture<>();
        workers.execute(() -> runner.attempt(d, runId, attempt, run));
        return new InProgress(runId, run);
    }

    /** Starts a manual run unless one of the same feed is in progress here; returns the run's future. */
    private CompletableFuture<FeedRun> launch(FeedDefinition d) {
        return running.compute(d.name(), (name, current) -> {
            if (current != null && current.active()) {
                return current;
            }
            return start(d, runs.open(d.name()), 1);
        }).done();
    }

    /**
     * The run of {@code feed} this node started last (by its timer, a configuration or {@link #runNow}), ended or not:
     * a copy of the future its worker completes once the outcome is recorded or the node gave the run up (retries
     * included); empty when this node started none. For tests, which must wait for a run the timer started.
     */
    Optional<CompletableFuture<FeedRun>> lastRunStarted(String feed) {
        InProgress p = running.get(feed);
        return p == null ? Optional.empty() : Optional.of(p.done().copy());
    }

    /** Runs a feed now and waits for its outcome (retries included). */
    public FeedRun runNow(FeedDefinition d) {
        try {
            return launch(d).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisionException(ProblemKind.BUSY, "已中断", "等待数据拉取结果时被中断", null);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
