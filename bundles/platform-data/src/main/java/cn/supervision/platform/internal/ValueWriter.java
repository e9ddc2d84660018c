package cn.supervision.platform.internal;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a checked batch's values through the transaction's JDBC connection: a batch of 100 000 rows is a few
 * prepared-statement batches, not 100 000 managed entities. On Derby a chunk is inserted straight away and the primary
 * key finds the values already stored: a new value then costs one index descent instead of an update probe plus an
 * insert, which was half the time of a large load. Derby stops a batch at its first failed statement and undoes only
 * that statement, so the rows before it are in and the rest of the chunk goes the probing way. Other databases (on
 * PostgreSQL a failed statement aborts the whole transaction) always probe first.
 */
final class ValueWriter {
    static final int JDBC_BATCH = 5_000;
    private static final String DUPLICATE_KEY = "23505";
    /** SV_PD_VALUE's primary key as OpenJPA builds it, columns in name order: day, metric, record, unit. */
    private static final Comparator<RowRules.Clean> KEY_ORDER = Comparator.comparingInt(RowRules.Clean::day)
            .thenComparingLong(RowRules.Clean::metricId).thenComparing(RowRules.Clean::recordKey).thenComparingLong(RowRules.Clean::unitId);

    private final int chunkSize;

    ValueWriter() {
        this(JDBC_BATCH);
    }

    ValueWriter(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    /**
     * Stores the values of batch {@code batchId} (a value of a key already stored is superseded: its amount and batch
     * replaced) and answers how many were superseded. Rows go in primary-key order: each index page is then visited
     * once per chunk instead of once per row, which keeps a large table's writes off the disk when its index no longer
     * fits Derby's page cache.
     */
    int write(Connection c, long batchId, List<RowRules.Clean> unordered) throws SQLException {
        List<RowRules.Clean> rows = new ArrayList<>(unordered);
        rows.sort(KEY_ORDER);
        boolean insertFirst = c.getMetaData().getDatabaseProductName().startsWith("Apache Derby");
        int superseded = 0;
        try (PreparedStatement update = c.prepareStatement("UPDATE SV_PD_VALUE SET AMOUNT = ?, BATCHID = ?"
                + " WHERE METRICID = ? AND DAYKEY = ? AND UNITID = ? AND RECORDKEY = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO SV_PD_VALUE (METRICID, UNITID, DAYKEY, RECORDKEY, AMOUNT, BATCHID)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < rows.size(); from += chunkSize) {
                List<RowRules.Clean> chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
                List<RowRules.Clean> left = insertFirst ? notInserted(insert, batchId, chunk) : chunk;
                if (!left.isEmpty()) {
                    superseded += probed(update, insert, batchId, left);
                }
            }
        }
        return superseded;
    }

    /** Inserts the chunk; answers the rows that did not go in because their key was taken (or were not reached). */
    private static List<RowRules.Clean> notInserted(PreparedStatement insert, long batchId, List<RowRules.Clean> chunk) throws SQLException {
        for (RowRules.Clean r : chunk) {
            bindInsert(insert, batchId, r);
        }
        try {
            insert.executeBatch();
            return List.of();
        } catch (SQLException e) {
            BatchUpdateException failed = batchFailure(e);
            if (failed == null || !DUPLICATE_KEY.equals(failed.getSQLState())) {
                throw e;
            }
            insert.clearBatch();
            int[] counts = failed.getUpdateCounts();
            List<RowRules.Clean> left = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (i >= counts.length || counts[i] == Statement.EXECUTE_FAILED) {
                    left.add(chunk.get(i));
                }
            }
            return left;
        }
    }

    /** The driver's batch failure, under whatever wrapping the connection's decorators (OpenJPA's among them) added. */
    private static BatchUpdateException batchFailure(SQLException e) {
        for (Throwable t = e; t != null; ) {
            if (t instanceof BatchUpdateException b) {
                return b;
            }
            Throwable next = t instanceof SQLException s && s.getNextException() != null ? s.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        return null;
    }

    /** Updates first, then inserts the keys not stored yet; answers how many were updated. */
    private static int probed(PreparedStatement update, PreparedStatement insert, long batchId, List<RowRules.Clean> rows) throws SQLException {
        for (RowRules.Clean r : rows) {
            update.setBigDecimal(1, r.value());
            update.setLong(2, batchId);
            update.setLong(3, r.metricId());
            update.setInt(4, r.day());
            update.setLong(5, r.unitId());
            update.setString(6, r.recordKey());
            update.addBatch();
        }
        int[] updated = update.executeBatch();
        int superseded = 0;
        int pending = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] > 0) {
                superseded++;
            } else {
                bindInsert(insert, batchId, rows.get(i));
                pending++;
            }
        }
        if (pending > 0) {
            insert.executeBatch();
        }
        return superseded;
    }

    private static void bindInsert(PreparedStatement insert, long batchId, RowRules.Clean r) throws SQLException {
        insert.setLong(1, r.metricId());
        insert.setLong(2, r.unitId());
        insert.setInt(3, r.day());
        insert.setString(4, r.recordKey());
        insert.setBigDecimal(5, r.value());
        insert.setLong(6, batchId);
        insert.addBatch();
    }
}
