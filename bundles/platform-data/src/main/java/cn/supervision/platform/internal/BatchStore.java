package cn.supervision.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.DataRow;
import cn.supervision.platform.internal.model.BatchEntity;

/**
 * Stored batches, their values written by the {@link ValueWriter} in the same transaction. A batch is one transaction,
 * so an acknowledged batch is durable (the database syncs its log at commit) and a batch cut off mid-way leaves nothing.
 */
final class BatchStore {
    private static final JsonFactory JSON = new JsonFactory();

    private final JpaTemplate jpa;
    private final ValueWriter values = new ValueWriter();

    BatchStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** The receipt of a batch id already applied, or null. */
    BatchReceipt replay(String jurisdictionCode, String clientBatchId) {
        BatchEntity done = jpa.txExpr(TransactionType.Supports, em -> batch(em, jurisdictionCode, clientBatchId));
        return done == null ? null : new BatchReceipt(clientBatchId, done.getId(), BatchStatus.DUPLICATE, done.getRowCount(), 0, 0,
                List.of(), Instant.ofEpochMilli(done.getReceivedAt()), done.getReceivedBy());
    }

    /** Stores a checked batch whole: its archive, then its values (a later batch supersedes a value of the same key). */
    BatchReceipt write(String username, String jurisdictionCode, String sourceSystem, String clientBatchId, String via,
                       Instant received, List<DataRow> rows, List<RowRules.Clean> clean) {
        byte[] archive = archive(rows);
        String sha = sha256(archive);
        return jpa.txExpr(TransactionType.Required, em -> {
            BatchEntity b = new BatchEntity(jurisdictionCode, clientBatchId, sourceSystem, via, clean.size(), sha, username,
                    received.toEpochMilli(), archive);
            em.persist(b);
            em.flush();
            int superseded;
            try (Connection c = em.unwrap(Connection.class)) { // OpenJPA's handle on the transaction's connection: close releases it
                superseded = values.write(c, b.getId(), clean);
            } catch (SQLException e) {
                throw new IllegalStateException("批次写入失败：" + e.getMessage(), e);
            }
            b.setSuperseded(superseded);
            return new BatchReceipt(clientBatchId, b.getId(), BatchStatus.APPLIED, rows.size(), clean.size(), superseded, List.of(),
                    received, username);
        });
    }

    List<Batch> batches(String jurisdictionCode, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select b from BatchEntity b where b.jurisdictionCode = :j order by b.id desc", BatchEntity.class)
                .setParameter("j", jurisdictionCode).setMaxResults(Math.max(1, Math.min(limit, 1_000))).getResultList()
                .stream().map(BatchStore::toValue).toList());
    }

    /** The batch, or null. */
    Batch batch(String jurisdictionCode, String clientBatchId) {
        BatchEntity b = jpa.txExpr(TransactionType.Supports, em -> batch(em, jurisdictionCode, clientBatchId));
        return b == null ? null : toValue(b);
    }

    private static BatchEntity batch(EntityManager em, String jurisdictionCode, String clientBatchId) {
        List<BatchEntity> found = em.createQuery("select b from BatchEntity b where b.jurisdictionCode = :j and b.clientBatchId = :c",
                BatchEntity.class).setParameter("j", jurisdictionCode).setParameter("c", clientBatchId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The rows as received, gzip'd JSON arrays: what the batch entity keeps so superseded values stay readable. */
    static byte[] archive(List<DataRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 16);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16);
             JsonGenerator g = JSON.createGenerator(gzip)) {
            g.writeStartArray();
            for (DataRow r : rows) {
                g.writeStartArray();
                g.writeString(r.metric());
                g.writeString(r.unit());
                g.writeString(r.date());
                g.writeString(r.value());
                g.writeString(r.recordId());
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Batch toValue(BatchEntity b) {
        return new Batch(b.getId(), b.getJurisdictionCode(), b.getClientBatchId(), b.getSourceSystem(), b.getChannel(), b.getRowCount(),
                b.getSuperseded(), b.getSha256(), Instant.ofEpochMilli(b.getReceivedAt()), b.getReceivedBy());
    }
}
