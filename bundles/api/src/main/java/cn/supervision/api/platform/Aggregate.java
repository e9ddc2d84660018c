package cn.supervision.api.platform;

import java.math.BigDecimal;
import java.util.List;

/** One unit's metric over a period: the aggregated value, the rows and the batches it rests on. */
public record Aggregate(String metric, long unitId, BigDecimal value, long rows, List<Long> batchIds) { }
