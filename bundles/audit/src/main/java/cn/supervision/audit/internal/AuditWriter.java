package cn.supervision.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/**
 * The chain's writer on this node. Appends must be serialised for the chain to stay linear (each hash names its
 * predecessor), and a request thread should not pay a log sync of its own: so one thread takes every event waiting at
 * that moment, numbers and hashes them in order, and inserts them in one transaction. Each caller is answered only once
 * its entry is committed, so an acknowledged request's entry is durable.
 * <p>
 * Writers on other nodes append to the same chain, so the tail (last sequence and hash) lives in the database, the row
 * SV_AUDIT_TAIL: a group's transaction first moves it from the tail this writer last saw to the group's last link with
 * a conditional UPDATE, which holds the row until commit. When another writer appended meanwhile the update matches
 * nothing; the group is then numbered again after the tail read from the row, and the update tried again. One extra
 * statement per group while this writer is the only one appending, three after another node appended; a group never
 * reuses another's sequence numbers.
 */
final class AuditWriter implements AutoCloseable {
    static final int MAX_GROUP = 512;
    static final int QUEUE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final String INSERT = "INSERT INTO SV_AUDIT_ENTRY (SEQ, RECORDEDAT, USERNAME, ROLES, JURISDICTION, SOURCEADDRESS,"
            + " CHANNEL, EVENTACTION, OPMETHOD, RESOURCEPATH, RECORDIDS, STATUS, PREVHASH, HASH)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADVANCE = "UPDATE SV_AUDIT_TAIL SET SEQ = ?, HASH = ? WHERE ID = 1 AND SEQ = ? AND HASH = ?";
    private static final String READ_TAIL = "SELECT SEQ, HASH FROM SV_AUDIT_TAIL WHERE ID = 1";
    /** Each miss means another writer committed a group meanwhile; this many in a row is not contention but a fault. */
    static final int ROUNDS = 20;

    /** An event already normalised, with the jurisdiction it is filed under. */
    private record Pending(AuditEvent event, String jurisdiction, CompletableFuture<Long> done) { }

    private record Tail(long sequence, String hash) { }

    /** A group's links after {@code start}: each entry's hash, the last one the new tail. */
    private record Links(Tail start, String[] hashes) {
        static Links after(Tail start, List<Pending> group) {
            String[] hashes = new String[group.size()];
            long sequence = start.sequence();
            String previous = start.hash();
            for (int i = 0; i < hashes.length; i++) {
                Pending p = group.get(i);
                previous = hashes[i] = AuditChain.hash(++sequence, p.jurisdiction(), p.event(), previous);
            }
            return new Links(start, hashes);
        }

        Tail end() {
            return new Tail(start.sequence() + hashes.length, hashes[hashes.length - 1]);
        }
    }

    private final JpaTemplate jpa;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean running = true;
    /** The tail as this writer's last group left it; null when unknown (at start, after a failure). */
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
        Tail known = tail;
        Links links = jpa.txExpr(TransactionType.Required, em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                Links claimed = claim(c, known, group);
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    long sequence = claimed.start().sequence();
                    String previous = claimed.start().hash();
                    for (int i = 0; i < group.size(); i++) {
                        String hash = claimed.hashes()[i];
                        bind(insert, ++sequence, group.get(i), previous, hash);
                        insert.addBatch();
                        previous = hash;
                    }
                    insert.executeBatch();
                }
                return claimed;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        tail = links.end();
        long sequence = links.start().sequence();
        for (Pending p : group) {
            p.done().complete(++sequence);
        }
    }

    /**
     * The group's links, with the tail row moved past them (and held by this transaction): after {@code known} when
     * the row still says so, else after what the row says now.
     */
    private static Links claim(Connection c, Tail known, List<Pending> group) throws SQLException {
        Tail start = known;
        for (int round = 0; round < ROUNDS; round++) {
            if (start != null) {
                Links links = Links.after(start, group);
                if (advance(c, start, links.end())) {
                    return links;
                }
            }
            start = readTail(c);
        }
        throw new IllegalStateException("审计链尾连续 " + ROUNDS + " 次被其他写入者抢先，本组 " + group.size() + " 条未写入");
    }

    private static boolean advance(Connection c, Tail from, Tail to) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(ADVANCE)) {
            update.setLong(1, to.sequence());
            update.setString(2, to.hash());
            update.setLong(3, from.sequence());
            update.setString(4, from.hash());
            return update.executeUpdate() == 1;
        }
    }

    /** The tail as last committed (the genesis link before the first entry). */
    private static Tail readTail(Connection c) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(READ_TAIL); ResultSet r = read.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("审计链尾记录（SV_AUDIT_TAIL）缺失");
            }
            return new Tail(r.getLong(1), r.getString(2));
        }
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
