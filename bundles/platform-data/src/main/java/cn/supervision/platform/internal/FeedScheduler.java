package cn.supervision.platform.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * platform was down is made up once when its configuration arrives; a feed never runs twice at once.
 */
public class FeedScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

    private final FeedDefinitions definitions = new FeedDefinitions();
    private final FeedRuns runs;
    private final FeedRunner runner;
    private final Clock clock;
    private final Map<String, ZonedDateTime> nextFire = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<FeedRun>> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> thread(r, "supervision-feed-timer"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> thread(r, "supervision-feed"));

    public FeedScheduler(JpaTemplate jpa, RegistryService registry, Ingestion ingestion, Collection<PlatformFeed> feeds) {
        this(jpa, registry, ingestion, feeds, Clock.systemUTC());
    }

    FeedScheduler(JpaTemplate jpa, RegistryService registry, Ingestion ingestion, Collection<PlatformFeed> feeds, Clock clock) {
        this.clock = clock;
        this.runs = new FeedRuns(jpa, clock);
        this.runner = new FeedRunner(runs, ingestion, new Access(registry), feeds, timer, workers);
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 30, 30, TimeUnit.SECONDS);
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
        if (missed != null && !last.isEmpty() && last.get(0).startedAt().isBefore(missed.toInstant())) {
            LOG.info("数据拉取任务 {} 错过了 {} 的运行，现在补跑", d.name(), missed);
            launch(d);
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

    void tick() {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(FeedDefinitions.ZONE);
        for (FeedDefinition d : definitions.all()) {
            ZonedDateTime due = nextFire.get(d.name());
            if (due != null && !now.isBefore(due)) {
                nextFire.put(d.name(), FeedDefinitions.next(d, now));
                launch(d);
            }
        }
    }

    /** Starts a run unless one of the same feed is in progress; returns the run's future. */
    private CompletableFuture<FeedRun> launch(FeedDefinition d) {
        return running.compute(d.name(), (name, current) -> {
            if (current != null && !current.isDone()) {
                return current;
            }
            CompletableFuture<FeedRun> run = new CompletableFuture<>();
            long id = runs.open(d.name());
            workers.execute(() -> runner.attempt(d, id, 1, run));
            return run;
        });
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
