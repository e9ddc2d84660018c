package cn.supervision.platform.internal.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * The current value of a metric for a unit, a day ({@code dayKey} yyyymmdd) and a source record ({@code recordKey}, "" for daily
 * figures), with the batch it came from. Declared for the schema only: ingestion writes it with JDBC batches and
 * aggregation reads it with SQL, both inside JPA transactions.
 */
@Entity
@Table(name = "SV_PD_VALUE")
@IdClass(ValueEntity.Key.class)
public class ValueEntity {
    @Id
    private long metricId;
    @Id
    private int dayKey;
    @Id
    private long unitId;
    @Id
    @Column(length = 64)
    private String recordKey;
    @Column(nullable = false, columnDefinition = "DECIMAL(19,4)")
    private BigDecimal amount;
    private long batchId;

    public ValueEntity() {
    }

    public long getBatchId() { return batchId; }
    public BigDecimal getAmount() { return amount; }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long metricId;
        public int dayKey;
        public long unitId;
        public String recordKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && metricId == k.metricId && unitId == k.unitId && dayKey == k.dayKey && Objects.equals(recordKey, k.recordKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(metricId, unitId, dayKey, recordKey);
        }
    }
}
