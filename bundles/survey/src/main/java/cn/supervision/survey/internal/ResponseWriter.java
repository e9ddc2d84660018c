package cn.supervision.survey.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.survey.Receipt;
import cn.supervision.survey.internal.model.ResponseEntity;

/**
 * Group commit of responses: one thread writes every submission waiting at that moment in one transaction, so a burst
 * of respondents costs one log sync instead of one each, and each submitter is answered only once its response is
 * committed (acknowledged means durable). A group that fails (a duplicate racing in) is written again one by one, so
 * one refusal never takes another respondent's answer with it.
 */
final class ResponseWriter implements AutoCloseable {
    static final int MAX_GROUP = 256;
    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);

    /** A submission waiting to be written; {@code tokenId} is consumed in the same transaction. */
    private record Pending(ResponseEntity response, Long tokenId, String duplicate, CompletableFuture<Receipt> done) { }

    private final JpaTemplate jpa;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private final Thread thread;
    private volatile boolean running = true;

    ResponseWriter(JpaTemplate jpa) {
        this.jpa = jpa;
        this.thread = new Thread(this::run, "supervision-survey-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes one response (consuming its token) and waits until it is committed. */
    Receipt write(ResponseEntity response, Long tokenId, String duplicate) {
        Pending p = new Pending(response, tokenId, duplicate, new CompletableFuture<>());
        if (!running || !queue.offer(p)) {
            throw new SupervisionException(503, "服务繁忙", "提交的人太多，请稍后再试", null);
        }
        try {
            return p.done().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new SupervisionException(503, "服务繁忙", "提交未能在 60 秒内完成，请稍后查看是否已提交或重试", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisionException(503, "服务停止", "平台正在停止，请稍后重试", null);
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                writeGroup(group);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("答卷写入出错", e);
                group.forEach(p -> p.done().completeExceptionally(e));
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new SupervisionException(503, "服务停止", "平台正在停止，请稍后重试", null)));
    }

    private void writeGroup(List<Pending> group) {
        Map<Pending, SupervisionException> refused = new HashMap<>();
        List<Pending> written = new ArrayList<>();
        try {
            jpa.tx(TransactionType.Required, em -> {
                Set<String> keys = new HashSet<>();
                for (Pending p : group) {
                    if (!keys.add(p.response().getDedupeKey())) {
                        refused.put(p, SupervisionException.conflict(p.duplicate()));
                        continue;
                    }
                    if (p.tokenId() != null) {
                        // plain SQL: OpenJPA turns the JPQL bulk update into a scan of every token
                        int used = em.createNativeQuery("UPDATE SV_SURVEY_TOKEN SET USEDAT = ?1 WHERE ID = ?2 AND USEDAT IS NULL")
                                .setParameter(1, p.response().getSubmittedAt()).setParameter(2, p.tokenId()).executeUpdate();
                        if (used != 1) {
                            refused.put(p, new SupervisionException(410, "填写码已使用", p.duplicate(), null));
                            continue;
                        }
                    }
                    em.persist(p.response());
                    written.add(p);
                }
                em.flush();
            });
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                for (Pending p : group) {
                    writeGroup(List.of(new Pending(p.response().copy(), p.tokenId(), p.duplicate(), p.done())));
                }
                return;
            }
            Pending p = group.get(0);
            p.done().completeExceptionally(isUniqueViolation(e) ? SupervisionException.conflict(p.duplicate()) : e);
            return;
        }
        refused.forEach((p, why) -> p.done().completeExceptionally(why));
        for (Pending p : written) {
            ResponseEntity r = p.response();
            p.done().complete(new Receipt(r.getId(), r.getQuestionnaireId(), Instant.ofEpochMilli(r.getSubmittedAt())));
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("duplicate key") || m.contains("23505"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
