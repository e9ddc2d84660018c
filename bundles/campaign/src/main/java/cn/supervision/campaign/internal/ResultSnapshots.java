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
    /** Per campaign, what is waiting to be written: the newest version and each unit's newest result. */
    private final Map<Long, Pending> pending = new HashMap<>();

    private static final class Pending {
        long version;
        String scoring;
        final Map<Long, UnitResult> results = new LinkedHashMap<>();
        Runnable failed;
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
            List<String> rows = em.createQuery("select s.resultJson from ResultSnapshotEntity s where s.campaignId = :c", String.class)
                    .setParameter("c", campaignId).getResultList();
            List<UnitResult> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(records.result(r)));
            return out;
        });
    }

    /**
     * Queues the units rescored since the last save, scored from the inputs at {@code version}; {@code failed} runs
     * if they could not be written, so that the caller offers them again rather than let the stamp move past them.
     */
    void save(long campaignId, long version, String scoring, List<UnitResult> rescored, Runnable failed) {
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
            p.failed = failed;
            for (UnitResult r : rescored) {
                p.results.put(r.unitId(), r);
            }
        }
        if (schedule) {
            try {
                writer.schedule(() -> write(campaignId), DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // stopping: the snapshot stays at its last stamp and a restart recomputes
            }
        }
    }

    private void write(long campaignId) {
        Pending p;
        synchronized (pending) {
            p = pending.remove(campaignId);
        }
        if (p == null) {
            return;
        }
        try {
            jpa.tx(TransactionType.Required, em -> {
                // ids only: reading the stored rows would read every result's text back for nothing
                java.util.Set<Long> existing = new java.util.HashSet<>(em.createQuery(
                        "select s.unitId from ResultSnapshotEntity s where s.campaignId = :c", Long.class)
                        .setParameter("c", campaignId).getResultList());
                for (UnitResult r : p.results.values()) {
                    if (!existing.contains(r.unitId())) {
                        em.persist(new ResultSnapshotEntity(campaignId, r.unitId(), p.version, records.write(r)));
                    } else { // unless another node has written a later one
                        em.createNativeQuery("UPDATE SV_RESULT_SNAPSHOT SET INPUTVERSION = ?, RESULTJSON = ?"
                                        + " WHERE CAMPAIGNID = ? AND UNITID = ? AND INPUTVERSION <= ?")
                                .setParameter(1, p.version).setParameter(2, records.write(r)).setParameter(3, campaignId)
                                .setParameter(4, r.unitId()).setParameter(5, p.version).executeUpdate();
                    }
                }
                ResultStampEntity stamp = em.find(ResultStampEntity.class, campaignId);
                if (stamp == null) {
                    em.persist(new ResultStampEntity(campaignId, p.version, p.scoring));
                } else if (stamp.getInputVersion() <= p.version || !p.scoring.equals(stamp.getScoring())) {
                    stamp.advance(p.version, p.scoring);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("监管活动 {} 的结果快照未能保存（重启后将重新计分）：{}", campaignId, e.toString());
            p.failed.run();
        }
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
