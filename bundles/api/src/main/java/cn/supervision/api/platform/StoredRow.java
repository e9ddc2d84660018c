package cn.supervision.api.platform;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A current value, with the batch it came from. */
public record StoredRow(String metric, long unitId, LocalDate date, String recordId, BigDecimal value, long batchId) { }
