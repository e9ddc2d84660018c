package cn.supervision.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.testing.LocalJpaTemplate;

/**
 * The value writer inserts first on Derby and lets the primary key find stored values: superseding must count exactly
 * the keys already stored, wherever they fall in a chunk, and every row must end up with the later batch's amount.
 */
class ValueWriterTest {
    private final LocalJpaTemplate jpa = new LocalJpaTemplate("platform-test", "META-INF/platform-test-persistence.xml");
    private final ValueWriter writer = new ValueWriter(3);

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    void storedKeysAnywhereInAChunkAreSupersededAndCountedOnce() {
        assertEquals(0, write(1, rows(List.of(2, 5, 6, 11), "1")));
        // twelve keys in chunks of three: stored ones first in a chunk, in its middle, last, and two in a row
        assertEquals(4, write(2, rows(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), "2")));
        assertEquals(12, count(null));
        assertEquals(12, count(2L), "every value now rests on batch 2");
        assertEquals(12, amount(new BigDecimal("2")));
    }

    @Test
    void aBatchSentAgainSupersedesEveryRowAndAddsNone() {
        write(1, rows(List.of(0, 1, 2, 3, 4, 5, 6), "1"));
        assertEquals(7, write(2, rows(List.of(0, 1, 2, 3, 4, 5, 6), "3")));
        assertEquals(7, count(2L));
        assertEquals(7, amount(new BigDecimal("3")));
    }

    @Test
    void aBatchOfNewKeysSupersedesNothing() {
        write(1, rows(List.of(0, 1, 2), "1"));
        assertEquals(0, write(2, rows(List.of(3, 4, 5, 6, 7), "1")));
        assertEquals(8, count(null));
        assertEquals(3, count(1L));
    }

    private int write(long batchId, List<RowRules.Clean> rows) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                return writer.write(c, batchId, rows);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Keys spread over days and record ids so that primary-key order differs from the given order. */
    private static List<RowRules.Clean> rows(List<Integer> keys, String amount) {
        List<RowRules.Clean> out = new ArrayList<>();
        for (int k : keys) {
            out.add(new RowRules.Clean(7, 1 + k % 2, 20260701 + k % 4, "GD" + k, new BigDecimal(amount).setScale(4)));
        }
        Collections.reverse(out);
        return out;
    }

    private int count(Long batchId) {
        return query("SELECT COUNT(*) FROM SV_PD_VALUE" + (batchId == null ? "" : " WHERE BATCHID = " + batchId));
    }

    private int amount(BigDecimal amount) {
        return query("SELECT COUNT(*) FROM SV_PD_VALUE WHERE AMOUNT = " + amount);
    }

    private int query(String sql) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            try (Connection c = em.unwrap(Connection.class); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
