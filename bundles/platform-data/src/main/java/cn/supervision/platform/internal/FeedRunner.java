package cn.supervision.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.PlatformFeed;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

/**
 * One feed run: fetch through the feed's type, bounded by its timeout, retried after its delay, ingested as the feed's
 * partner system. Every message that ends in the run history or the log is scrubbed of the location's credentials.
 */
final class FeedRunner {
    static final int MAX_DOCUMENT = 64 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FeedRunner.class);

    private final FeedRuns runs;
    private final Ingestion ingestion;
    private final Access access;
    private final Collection<PlatformFeed> feeds;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;

    FeedRunner(FeedRuns runs, Ingestion ingestion, Access access, Collection<PlatformFeed> feeds, ScheduledExecutorService timer,
               ExecutorService workers) {
        this.runs = runs;
        this.ingestion = ingestion;
        this.access = access;
        this.feeds = feeds;
        this.timer = timer;
        this.workers = workers;
    }

    void attempt(FeedDefinition d, long runId, int attempt, CompletableFuture<FeedRun> run) {
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
            ingest(d, runId, attempt, run, content, batchId);
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

    private void ingest(FeedDefinition d, long runId, int attempt, CompletableFuture<FeedRun> run, byte[] content, String batchId) {
        String clientBatchId = batchId != null && RowRules.ID.matcher(batchId).matches() ? batchId
                : "feed-" + d.name() + "-" + BatchStore.sha256(content).substring(0, 16);
        Caller feedCaller = new Caller("feed:" + d.name(), EnumSet.of(Role.PARTNER_SYSTEM), d.jurisdictionCode(), null);
        access.requireWriter(feedCaller, d.jurisdictionCode());
        BatchReceipt r = ingestion.ingest(feedCaller, d.jurisdictionCode(), d.sourceSystem(), clientBatchId, "PULL:" + d.name(),
                d.format(), new ByteArrayInputStream(content));
        if (r.status() == BatchStatus.REJECTED) {
            StringBuilder why = new StringBuilder("数据未通过校验，整批未入库：");
            r.rejected().stream().limit(5).forEach(e -> why.append("第 ").append(e.line()).append(" 行 ").append(e.message()).append("；"));
            finish(d, run, runId, attempt, FeedRun.Outcome.FAILED, why.toString(), clientBatchId, r.rows());
        } else {
            boolean duplicate = r.status() == BatchStatus.DUPLICATE;
            finish(d, run, runId, attempt, duplicate ? FeedRun.Outcome.DUPLICATE : FeedRun.Outcome.SUCCEEDED,
                    duplicate ? "数据与已入库的批次相同，未重复入库" : "入库 " + r.accepted() + " 行，替换 " + r.superseded() + " 行",
                    clientBatchId, r.rows());
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
        if (!runs.attempted(runId, message + "；" + d.retryDelaySeconds() + " 秒后重试")) {
            // this node's lease ran out and another node took the run over: it retries, not this one
            LOG.warn("数据拉取任务 {} 的本次运行已由其他节点接手，本节点不再重试", d.name());
            run.complete(runs.get(runId));
            return;
        }
        timer.schedule(() -> workers.execute(() -> attempt(d, runId, attempt + 1, run)), d.retryDelaySeconds(), TimeUnit.SECONDS);
    }

    /** Records the outcome; the message is scrubbed here, once for every path that ends a run. */
    private void finish(FeedDefinition d, CompletableFuture<FeedRun> run, long runId, int attempts, FeedRun.Outcome outcome, String raw,
                        String clientBatchId, Integer rows) {
        try {
            run.complete(runs.finish(runId, attempts, outcome, HttpFeedLocation.scrub(raw, d.location()), clientBatchId, rows));
        } catch (RuntimeException e) {
            run.completeExceptionally(e);
        }
    }
}
