package cn.supervision.api.platform;

import java.time.Instant;

/** A platform-data metric of a jurisdiction, e.g. hotline.ontime-rate (%), 12345 热线. */
public record Metric(String jurisdictionCode, String code, String name, String unitOfMeasure, String sourceSystem,
                     MetricAggregation aggregation, Instant updatedAt, String updatedBy) { }
