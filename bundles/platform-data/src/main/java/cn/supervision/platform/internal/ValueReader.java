package cn.supervision.platform.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.MetricAggregation;
import cn.supervision.api.platform.StoredRow;
import cn.supervision.platform.internal.model.MetricEntity;

/** Reads stored values back: a unit's rows, and aggregates per unit over a date range with the batches they rest on. */
final class ValueReader {
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_UP);

    private final JpaTemplate jpa;

    ValueReader(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    List<StoredRow> rows(String jurisdictionCode, String metric, long unitId, LocalDate from, LocalDate to, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            MetricEntity m = Catalogue.requireMetric(em, jurisdictionCode, metric);
            List<StoredRow> out = new ArrayList<>();
            try (Connection c = em.unwrap(Connection.class);
                 PreparedStatement s = c.prepareStatement("SELECT DAYKEY, RECORDKEY, AMOUNT, BATCHID FROM SV_PD_VALUE"
                    + " WHERE METRICID = ? AND DAYKEY BETWEEN ? AND ? AND UNITID = ? ORDER BY DAYKEY DESC, RECORDKEY")) {
                s.setLong(1, m.getId());
                s.setInt(2, from == null ? 0 : RowRules.dayKey(from));
                s.setInt(3, to == null ? 99_991_231 : RowRules.dayKey(to));
                s.setLong(4, unitId);
                s.setMaxRows(Math.max(1, Math.min(limit, 10_000)));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new StoredRow(metric, unitId, RowRules.fromKey(r.getInt(1)), r.getString(2).isEmpty() ? null : r.getString(2),
                                RowRules.plain(r.getBigDecimal(3)), r.getLong(4)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    List<Aggregate> aggregate(String jurisdictionCode, String metric, LocalDate from, LocalDate to) {
        return jpa.txExpr(TransactionType.Supports, em -> aggregate(em, Catalogue.requireMetric(em, jurisdictionCode, metric), from, to));
    }

    /** Per unit and batch, one scan of the metric's days in range; combined per unit here. */
    static List<Aggregate> aggregate(EntityManager em, MetricEntity m, LocalDate from, LocalDate to) {
        record Part(BigDecimal sum, long count, BigDecimal min, BigDecimal max, TreeSet<Long> batches) { }
        Map<Long, Part> parts = new TreeMap<>();
        try (Connection c = em.unwrap(Connection.class);
             PreparedStatement s = c.prepareStatement("SELECT UNITID, BATCHID, SUM(AMOUNT), COUNT(*), MIN(AMOUNT), MAX(AMOUNT)"
                     + " FROM SV_PD_VALUE WHERE METRICID = ? AND DAYKEY BETWEEN ? AND ? GROUP BY UNITID, BATCHID")) {
            s.setLong(1, m.getId());
            s.setInt(2, RowRules.dayKey(from));
            s.setInt(3, RowRules.dayKey(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long unit = r.getLong(1);
                    Part p = parts.get(unit);
                    TreeSet<Long> batches = p == null ? new TreeSet<>() : p.batches();
                    batches.add(r.getLong(2));
                    parts.put(unit, p == null ? new Part(r.getBigDecimal(3), r.getLong(4), r.getBigDecimal(5), r.getBigDecimal(6), batches)
                            : new Part(p.sum().add(r.getBigDecimal(3)), p.count() + r.getLong(4), p.min().min(r.getBigDecimal(5)),
                                    p.max().max(r.getBigDecimal(6)), batches));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        MetricAggregation how = MetricAggregation.valueOf(m.getAggregation());
        List<Aggregate> out = new ArrayList<>();
        parts.forEach((unit, p) -> {
            BigDecimal value = switch (how) {
                case SUM -> p.sum();
                case MEAN -> p.sum().divide(BigDecimal.valueOf(p.count()), PRECISION).setScale(4, RoundingMode.HALF_UP);
                case MIN -> p.min();
                case MAX -> p.max();
                case COUNT -> BigDecimal.valueOf(p.count());
            };
            out.add(new Aggregate(m.getCode(), unit, RowRules.plain(value), p.count(), List.copyOf(p.batches())));
        });
        return out;
    }
}
