package cn.supervision.campaign.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.campaign.UnitResult;
import cn.supervision.campaign.internal.model.ResultSnapshotEntity;
import cn.supervision.campaign.internal.model.ResultStampEntity;

/**
 * The live results kept on disk, so that a restarted node answers from 1 000 stored rows instead of scoring 40 000
 * inputs again. Each row is a unit's result at the input version it was scored at; the stamp says up to which version
 * the rows are complete and under which scoring. Rows are served only when the stamp equals the campaign's input
 * version and scoring, so a snapshot is never staler than the inputs. Writes go through one background thread,
 * coalesced per campaign over {@link #DELAY_MS}: a request never waits for them.
 */
final class ResultSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(ResultSnapshots.class);

    private final JpaTemplate jpa;
    private final Records records;
    /**
     * How long a campaign's rescored units wait to be written with those that follow: a burst of inputs is one write
     * instead of one per request, on a 2-core machine the difference shows in every request's tail. A node killed in
     * that time leaves the stamp behind the inputs, and the restart recomputes.
     */
    static final long DELAY_MS = 500;

    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "campaign-result-snapshots");
        t.setDaemon(true);
        return t;
    });
    /** Longest wait before a failed write is tried again (the first retry waits {@link #DELAY_MS}, then doubling). */
    static final long MAX_BACKOFF_MS = 60_000;

    /** Per campaign, what is waiting to be written: the newest version and each unit's newest result. */
    private final Map<Long, Pending> pending = new HashMap<>();
    /**
     * One write at a time, whichever thread runs it (the writer, or flush and close on the caller's): a write that fails
     * hands its units back before any later write of the campaign starts, so no stamp moves past them.
     */
    private final Object writing = new Object();

    private static final class Pending {
        long version;
        String scoring;
        final Map<Long, UnitResult> results = new LinkedHashMap<>();
        /** Failed writes in a row carried by these results. */
        int failures;
    }

    ResultSnapshots(JpaTemplate jpa, Records records) {
        this.jpa = jpa;
        this.records = records;
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() writes what is pending itself
    }

    /** The stored results when they are those of {@code version} under {@code scoring}; null otherwise. */
    List<UnitResult> load(long campaignId, long version, String scoring) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            ResultStampEntity stamp = em.find(ResultStampEntity.class, campaignId);
            if (stamp == null || stamp.getInputVersion() != version || !scoring.equals(stamp.getScoring())) {
                return null;
            }
            List<ResultSnapshotEntity> rows = em.createQuery("select s from ResultSnapshotEntity s where s.campaignId = :c",
                    ResultSnapshotEntity.class).setParameter("c", campaignId).getResultList();
            List<UnitResult> out = new ArrayList<>(rows.size());
            for (ResultSnapshotEntity row : rows) { // rows written before results were packed hold the text
                out.add(row.getResultData() != null ? records.unpackedResult(row.getResultData()) : records.result(row.getResultJson()));
            }
            return out;
        });
    }

    /**
     * Queues the units rescored since the last save, scored from the inputs at {@code version}. Units whose write failed
     * stay queued (retried with a backoff) and go with every later write of the campaign, which moves the stamp only
     * with them.
     */
    void save(long campaignId, long version, String scoring, List<UnitResult> rescored) {
        boolean schedule;
        synchronized (pending) {
            Pending p = pending.get(campaignId);
            schedule = p == null;
            if (p == null) {
                p = new Pending();
                pending.put(campaignId, p);
            }
            p.version = Math.max(p.version, version);
            p.scoring = scoring;
            for (UnitResult r : rescored) {
                p.results.put(r.unitId(), r);
            }
        }
        if (schedule) {
            schedule(campaignId, DELAY_MS);
        }
    }

    private void schedule(long campaignId, long delayMs) {
        try {
            writer.schedule(() -> write(campaignId), delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // stopping: close() tries what is pending once more; else the stamp stays behind the inputs and a restart recomputes
        }
    }

    private void write(long campaignId) {
        synchronized (writing) {
            Pending p;
            synchronized (pending) {
                p = pending.remove(campaignId);
            }
            if (p == null) {
                return;
            }
            try {
                jpa.tx(TransactionType.Required, em -> write(em, campaignId, p));
            } catch (RuntimeException e) {
                LOG.warn("监管活动 {} 的结果快照未能保存（第 {} 次，稍后重试）：{}", campaignId, p.failures + 1, e.toString());
                requeue(campaignId, p);
            }
        }
    }

    private void write(javax.persistence.EntityManager em, long campaignId, Pending p) {
        // ids only: reading the stored rows would read every result's text back for nothing
        java.util.Set<Long> existing = new java.util.HashSet<>(em.createQuery(
                "select s.unitId from ResultSnapshotEntity s where s.campaignId = :c", Long.class)
                .setParameter("c", campaignId).getResultList());
        for (UnitResult r : p.results.values()) {
            if (!existing.contains(r.unitId())) {
                em.persist(new ResultSnapshotEntity(campaignId, r.unitId(), p.version, records.packedResult(r)));
            } else { // unless another node has written a later one
                em.createNativeQuery("UPDATE SV_RESULT_SNAPSHOT SET INPUTVERSION = ?, RESULTDATA = ?, RESULTJSON = NULL"
                                + " WHERE CAMPAIGNID = ? AND UNITID = ? AND INPUTVERSION <= ?")
                        .setParameter(1, p.version).setParameter(2, records.packedResult(r)).setParameter(3, campaignId)
                        .setParameter(4, r.unitId()).setParameter(5, p.version).executeUpdate();
            }
        }
        ResultStampEntity stamp = em.find(ResultStampEntity.class, campaignId);
        if (stamp == null) {
            em.persist(new ResultStampEntity(campaignId, p.version, p.scoring));
        } else if (stamp.getInputVersion() <= p.version || !p.scoring.equals(stamp.getScoring())) {
            stamp.advance(p.version, p.scoring);
        }
    }

    /**
     * Puts a failed write's units back: into what was queued meanwhile (whose results, saved later, are the newer ones
     * for the units in both), or queued anew and retried after a doubling wait.
     */
    private void requeue(long campaignId, Pending failed) {
        long delay;
        synchronized (pending) {
            Pending later = pending.get(campaignId);
            if (later != null) {
                failed.results.forEach(later.results::putIfAbsent);
                later.version = Math.max(later.version, failed.version);
                later.failures = Math.max(later.failures, failed.failures + 1);
                return; // already scheduled
            }
            failed.failures++;
            pending.put(campaignId, failed);
            delay = Math.min(MAX_BACKOFF_MS, DELAY_MS << Math.min(failed.failures - 1, 16));
        }
        schedule(campaignId, delay);
    }

    /** Writes what is pending now and waits for a write under way (the benchmark settles between its phases). */
    void flush() {
        writePending();
        try {
            writer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            // closed: nothing runs any more
        }
    }

    private void writePending() {
        List<Long> left;
        synchronized (pending) {
            left = List.copyOf(pending.keySet());
        }
        left.forEach(this::write);
    }

    /** Stops the writer, then writes what is still pending on the calling thread. */
    void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        writePending();
    }
}
