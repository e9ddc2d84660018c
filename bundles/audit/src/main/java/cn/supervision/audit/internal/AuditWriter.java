package cn.supervision.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.audit.internal.model.AuditEntryEntity;

/**
 * The chain's only writer. Appends must be serialised for the chain to stay linear (each hash names its predecessor),
 * and a request thread should not pay a log sync of its own: so one thread takes every event waiting at that moment,
 * numbers and hashes them in order, and inserts them in one transaction. Each caller is answered only once its entry
 * is committed, so an acknowledged request's entry is durable. The tail (last sequence and hash) advances only after
 * a commit; a failed group is answered with the failure and the tail is read again from the database.
 */
final class AuditWriter implements AutoCloseable {
    static final int MAX_GROUP = 512;
    static final int QUEUE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final String INSERT = "INSERT INTO SV_AUDIT_ENTRY (SEQ, RECORDEDAT, USERNAME, ROLES, JURISDICTION, SOURCEADDRESS,"
            + " CHANNEL, EVENTACTION, OPMETHOD, RESOURCEPATH, RECORDIDS, STATUS, PREVHASH, HASH)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An event already normalised, with the jurisdiction it is filed under. */
    private record Pending(AuditEvent event, String jurisdiction, CompletableFuture<Long> done) { }

    private record Tail(long sequence, String hash) { }

    private final JpaTemplate jpa;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean running = true;
    private Tail tail;

    AuditWriter(JpaTemplate jpa) {
        this.jpa = jpa;
        this.thread = new Thread(this::run, "supervision-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    boolean accepting() {
        return running && thread.isAlive() && queue.remainingCapacity() > 0;
    }

    /** Appends the event and waits until it is committed; returns its sequence number. */
    long append(AuditEvent event, String jurisdiction) {
        Pending p = new Pending(event, jurisdiction, new CompletableFuture<>());
        if (!running || !queue.offer(p)) {
            throw new SupervisionException(ProblemKind.BUSY, "审计日志不可用", "审计日志暂时无法写入，请稍后重试", null);
        }
        try {
            return p.done().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("审计日志写入失败", e.getCause());
        } catch (TimeoutException e) {
            throw new SupervisionException(ProblemKind.BUSY, "审计日志不可用", "审计日志未能在 30 秒内写入", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisionException(ProblemKind.BUSY, "服务停止", "平台正在停止，请稍后重试", null);
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
                LOG.error("审计日志写入出错，{} 条未写入", group.size(), e);
                tail = null;
                group.forEach(p -> p.done().completeExceptionally(e));
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new SupervisionException(ProblemKind.BUSY, "服务停止", "平台正在停止，请稍后重试", null)));
    }

    private void writeGroup(List<Pending> group) {
        if (tail == null) {
            tail = readTail();
        }
        Tail start = tail;
        Tail end = jpa.txExpr(TransactionType.Required, em -> {
            long sequence = start.sequence();
            String previous = start.hash();
            try (Connection c = em.unwrap(Connection.class); PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Pending p : group) {
                    sequence++;
                    String hash = AuditChain.hash(sequence, p.jurisdiction(), p.event(), previous);
                    bind(insert, sequence, p, previous, hash);
                    insert.addBatch();
                    previous = hash;
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return new Tail(sequence, previous);
        });
        tail = end;
        long sequence = start.sequence();
        for (Pending p : group) {
            p.done().complete(++sequence);
        }
    }

    /** The last committed entry (the genesis link before the first); also makes OpenJPA create the table. */
    private Tail readTail() {
        return jpa.txExpr(TransactionType.Required, em -> {
            Long last = em.createQuery("select max(e.sequence) from AuditEntryEntity e", Long.class).getSingleResult();
            if (last == null) {
                return new Tail(0, AuditChain.GENESIS);
            }
            return new Tail(last, em.find(AuditEntryEntity.class, last).getHash());
        });
    }

    private static void bind(PreparedStatement s, long sequence, Pending p, String previous, String hash) throws SQLException {
        AuditEvent e = p.event();
        s.setLong(1, sequence);
        s.setLong(2, e.at().toEpochMilli());
        s.setString(3, e.username());
        s.setString(4, e.roles());
        s.setString(5, p.jurisdiction());
        s.setString(6, e.source());
        s.setString(7, e.channel());
        s.setString(8, e.action().name());
        s.setString(9, e.method());
        s.setString(10, e.resource());
        s.setString(11, e.recordIds());
        s.setInt(12, e.status());
        s.setString(13, previous);
        s.setString(14, hash);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
