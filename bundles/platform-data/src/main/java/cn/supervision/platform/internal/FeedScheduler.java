package cn.supervision.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.PlatformFeed;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.platform.internal.model.FeedRunEntity;

/**
 * Scheduled pulls, one per factory configuration {@code etc/cn.supervision.platform.feed-NAME.cfg}. Each run is recorded
 * with its attempts; an attempt is bounded by the feed's timeout and a failed one is retried after the delay. A run
 * missed while the platform was down is made up once at start.
 */
public class FeedScheduler implements ManagedServiceFactory {
    public static final String PID = "cn.supervision.platform.feed";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_DOCUMENT = 64 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

    private final JpaTemplate jpa;
    private final PlatformDataService data;
    private final Collection<PlatformFeed> feeds;
    private final Clock clock;
    private final Map<String, FeedDefinition> byPid = new ConcurrentHashMap<>();
    private final Map<String, ZonedDateTime> nextFire = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<FeedRun>> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> thread(r, "supervision-feed-timer"));
    private final java.util.concurrent.ExecutorService workers = Executors.newCachedThreadPool(r -> thread(r, "supervision-feed"));

    public FeedScheduler(JpaTemplate jpa, PlatformDataService data, Collection<PlatformFeed> feeds) {
        this(jpa, data, feeds, Clock.systemUTC());
    }

    FeedScheduler(JpaTemplate jpa, PlatformDataService data, Collection<PlatformFeed> feeds, Clock clock) {
        this.jpa = jpa;
        this.data = data;
        this.feeds = feeds;
        this.clock = clock;
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

    @Override
    public String getName() {
        return "Supervision platform-data feeds";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) throws ConfigurationException {
        FeedDefinition d;
        try {
            d = parse(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("数据拉取配置 {} 无效，已忽略：{}", pid, e.getMessage());
            byPid.remove(pid);
            throw new ConfigurationException(null, e.getMessage());
        }
        byPid.put(pid, d);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZONE);
        nextFire.put(d.name(), next(d, now));
        LOG.info("数据拉取任务 {}：每月 {} 日 {} 从 {} 拉取，下次 {}", d.name(), d.daysOfMonth(), d.time(), HttpFeed.masked(d.location()),
                nextFire.get(d.name()));
        ZonedDateTime missed = previous(d, now);
        List<FeedRun> last = runs(d.name(), 1);
        if (missed != null && !last.isEmpty() && last.get(0).startedAt().isBefore(missed.toInstant())) {
            LOG.info("数据拉取任务 {} 错过了 {} 的运行，现在补跑", d.name(), missed);
            launch(d);
        }
    }

    @Override
    public void deleted(String pid) {
        FeedDefinition d = byPid.remove(pid);
        if (d != null) {
            nextFire.remove(d.name());
        }
    }

    public List<FeedDefinition> definitions() {
        return byPid.values().stream().sorted(java.util.Comparator.comparing(FeedDefinition::name)).toList();
    }

    /** The definitions as they may be shown: credentials in locations masked. */
    public List<FeedDefinition> shown() {
        return definitions().stream().map(d -> new FeedDefinition(d.name(), d.type(), d.jurisdictionCode(), d.sourceSystem(),
                HttpFeed.masked(d.location()), d.format(), d.daysOfMonth(), d.time(), d.timeoutSeconds(), d.retries(),
                d.retryDelaySeconds())).toList();
    }

    public FeedDefinition definition(String name) {
        return byPid.values().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    static FeedDefinition parse(Dictionary<String, ?> p) {
        List<String> problems = new ArrayList<>();
        String name = text(p, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name 必填（字母、数字、_-，不超过 32 个字符）");
        }
        String type = Objects.requireNonNullElse(text(p, "type"), "http");
        String jurisdiction = text(p, "jurisdiction");
        if (jurisdiction == null) {
            problems.add("jurisdiction 必填");
        }
        String source = text(p, "sourceSystem");
        if (source == null || !BATCH_ID.matcher(source).matches()) {
            problems.add("sourceSystem 必填");
        }
        String location = text(p, "location");
        if (location == null) {
            problems.add("location 必填");
        } else if (type.equals("http") && !isHttpLocation(location)) {
            // never quoted: an address that does not parse may not mask cleanly either
            problems.add("location 必须是有效的 http 或 https 地址（用户名和密码中的特殊字符需按百分号编码）");
        }
        String format = Objects.requireNonNullElse(text(p, "format"), "json").toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            problems.add("format 必须是 json 或 csv");
        }
        TreeSet<Integer> days = new TreeSet<>();
        for (String day : Objects.requireNonNullElse(text(p, "daysOfMonth"), "1,15").split(",")) {
            try {
                int n = Integer.parseInt(day.trim());
                if (n < 1 || n > 31) {
                    throw new NumberFormatException();
                }
                days.add(n);
            } catch (NumberFormatException e) {
                problems.add("daysOfMonth 必须是 1 至 31 的日期，以逗号分隔");
                break;
            }
        }
        String time = Objects.requireNonNullElse(text(p, "time"), "02:00");
        try {
            LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            problems.add("time 必须是 HH:mm");
        }
        int timeout = number(p, "timeoutSeconds", 60, 1, 3_600, problems);
        int retries = number(p, "retries", 3, 0, 20, problems);
        int delay = number(p, "retryDelaySeconds", 300, 0, 86_400, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        return new FeedDefinition(name, type, jurisdiction, source, location, format, List.copyOf(days), time, timeout, retries, delay);
    }

    private static boolean isHttpLocation(String location) {
        try {
            java.net.URI u = new java.net.URI(location);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String text(Dictionary<String, ?> p, String key) {
        Object v = p.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static int number(Dictionary<String, ?> p, String key, int fallback, int min, int max, List<String> problems) {
        String v = text(p, key);
        try {
            int n = v == null ? fallback : Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + " 必须是 " + min + " 至 " + max + " 的整数");
            return fallback;
        }
    }

    /** The first scheduled time strictly after {@code after} (days that a month lacks are skipped). */
    static ZonedDateTime next(FeedDefinition d, ZonedDateTime after) {
        LocalTime at = LocalTime.parse(d.time());
        LocalDate day = after.toLocalDate();
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            ZonedDateTime t = day.atTime(at).atZone(ZONE);
            if (d.daysOfMonth().contains(day.getDayOfMonth()) && t.isAfter(after)) {
                return t;
            }
        }
        throw new IllegalStateException("no schedule for " + d.name());
    }

    /** The last scheduled time at or before {@code now}, within the past year. */
    static ZonedDateTime previous(FeedDefinition d, ZonedDateTime now) {
        LocalTime at = LocalTime.parse(d.time());
        LocalDate day = now.toLocalDate();
        for (int i = 0; i < 400; i++, day = day.minusDays(1)) {
            ZonedDateTime t = day.atTime(at).atZone(ZONE);
            if (d.daysOfMonth().contains(day.getDayOfMonth()) && !t.isAfter(now)) {
                return t;
            }
        }
        return null;
    }

    void tick() {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZONE);
        for (FeedDefinition d : definitions()) {
            ZonedDateTime due = nextFire.get(d.name());
            if (due != null && !now.isBefore(due)) {
                nextFire.put(d.name(), next(d, now));
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
            long id = jpa.txExpr(TransactionType.Required, em -> {
                FeedRunEntity e = new FeedRunEntity(d.name(), clock.millis());
                em.persist(e);
                em.flush();
                return e.getId();
            });
            workers.execute(() -> attempt(d, id, 1, run));
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

    private void attempt(FeedDefinition d, long runId, int attempt, CompletableFuture<FeedRun> run) {
        try {
            PlatformFeed feed = feeds.stream().filter(f -> f.type().equals(d.type())).findFirst().orElse(null);
            if (feed == null) {
                finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, "没有类型为 " + d.type() + " 的数据拉取实现", null, null);
                return;
            }
            byte[] content;
            String batchId;
            Future<Object[]> fetch = workers.submit(() -> {
                PlatformFeed.Fetched f = feed.fetch(d, d.timeoutSeconds() * 1_000);
                try (InputStream in = f.content()) {
                    return new Object[] {in.readNBytes(MAX_DOCUMENT + 1), f.batchId()};
                }
            });
            try {
                Object[] fetched = fetch.get(d.timeoutSeconds(), TimeUnit.SECONDS);
                content = (byte[]) fetched[0];
                batchId = (String) fetched[1];
            } catch (TimeoutException e) {
                fetch.cancel(true);
                retryOrFail(d, runId, attempt, run, "第 " + attempt + " 次拉取超时（" + d.timeoutSeconds() + " 秒）");
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                retryOrFail(d, runId, attempt, run, "第 " + attempt + " 次拉取失败：" + (cause instanceof IOException ? cause.getMessage() : cause));
                return;
            }
            if (content.length > MAX_DOCUMENT) {
                finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, "拉取的数据超过 " + MAX_DOCUMENT / 1024 / 1024 + " MB，已拒绝", null, null);
                return;
            }
            String clientBatchId = batchId != null && BATCH_ID.matcher(batchId).matches() ? batchId
                    : "feed-" + d.name() + "-" + JpaPlatformDataService.sha256(content).substring(0, 16);
            Caller feedCaller = new Caller("feed:" + d.name(), EnumSet.of(Role.PARTNER_SYSTEM), d.jurisdictionCode(), null);
            BatchReceipt r = data.ingest(feedCaller, d.jurisdictionCode(), d.sourceSystem(), clientBatchId, "PULL:" + d.name(), d.format(),
                    new ByteArrayInputStream(content));
            if (r.status() == BatchStatus.REJECTED) {
                StringBuilder why = new StringBuilder("数据未通过校验，整批未入库：");
                r.rejected().stream().limit(5).forEach(e -> why.append("第 ").append(e.line()).append(" 行 ").append(e.message()).append("；"));
                finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, why.toString(), clientBatchId, r.rows());
            } else {
                finish(d, run, runId, attempt, r.status() == BatchStatus.DUPLICATE ? FeedRun.Outcome.DUPLICATE : FeedRun.Outcome.SUCCEEDED,
                        r.status() == BatchStatus.DUPLICATE ? "数据与已入库的批次相同，未重复入库" : "入库 " + r.accepted() + " 行，替换 " + r.superseded() + " 行",
                        clientBatchId, r.rows());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, "平台停止，拉取中断", null, null);
        } catch (SupervisionException e) {
            finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, e.title() + "：" + e.getMessage(), null, null);
        } catch (RuntimeException e) {
            LOG.error("数据拉取任务 {} 出错", d.name(), scrubbed(e, d));
            finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, "内部错误：" + e, null, null);
        }
    }

    /**
     * The same failure with every message on its chain scrubbed of the location's credentials, keeping the stack
     * frames: what may be logged (a URI inside an exception message would otherwise carry the password).
     */
    static Throwable scrubbed(Throwable e, FeedDefinition d) {
        if (e == null) {
            return null;
        }
        RuntimeException copy = new RuntimeException(HttpFeedLocation.scrub(e.toString(), d.location()), scrubbed(e.getCause(), d));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private void retryOrFail(FeedDefinition d, long runId, int attempt, CompletableFuture<FeedRun> run, String raw) {
        String message = HttpFeedLocation.scrub(raw, d.location());
        LOG.warn("数据拉取任务 {}：{}", d.name(), message);
        if (attempt > d.retries()) {
            finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, message + "；已重试 " + d.retries() + " 次，放弃", null, null);
            return;
        }
        jpa.tx(TransactionType.Required, em -> em.find(FeedRunEntity.class, runId).attempt(message + "；" + d.retryDelaySeconds() + " 秒后重试"));
        timer.schedule(() -> workers.execute(() -> attempt(d, runId, attempt + 1, run)), d.retryDelaySeconds(), TimeUnit.SECONDS);
    }

    /** Records the outcome; the message is scrubbed here, once for every path that ends a run. */
    private void finish(FeedDefinition d, CompletableFuture<FeedRun> run, long runId, int attempts, FeedRun.Outcome outcome, String raw,
                        String clientBatchId, Integer rows) {
        String message = HttpFeedLocation.scrub(raw, d.location());
        try {
            FeedRun done = jpa.txExpr(TransactionType.Required, em -> {
                FeedRunEntity e = em.find(FeedRunEntity.class, runId);
                while (e.getAttempts() < attempts) {
                    e.attempt(message);
                }
                e.finish(outcome.name(), message, clientBatchId, rows, clock.millis());
                return toValue(e);
            });
            run.complete(done);
        } catch (RuntimeException e) {
            run.completeExceptionally(e);
        }
    }

    public List<FeedRun> runs(String name, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from FeedRunEntity r where r.feed = :f order by r.id desc", FeedRunEntity.class)
                .setParameter("f", name).setMaxResults(Math.max(1, Math.min(limit, 1_000))).getResultList()
                .stream().map(FeedScheduler::toValue).toList());
    }

    private static FeedRun toValue(FeedRunEntity e) {
        return new FeedRun(e.getId(), e.getFeed(), Instant.ofEpochMilli(e.getStartedAt()),
                e.getFinishedAt() == null ? null : Instant.ofEpochMilli(e.getFinishedAt()), e.getAttempts(),
                FeedRun.Outcome.valueOf(e.getOutcome()), e.getMessage(), e.getClientBatchId(), e.getRowCount());
    }
}
