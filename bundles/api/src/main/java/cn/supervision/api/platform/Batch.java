package cn.supervision.api.platform;

import java.time.Instant;

/** A stored batch: the provenance every aggregated value points back to. */
public record Batch(long id, String jurisdictionCode, String clientBatchId, String sourceSystem, String channel, int rows,
                    int superseded, String sha256, Instant receivedAt, String receivedBy) { }
