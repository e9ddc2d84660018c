package cn.supervision.api.indicator;

import java.time.Instant;

/**
 * A stored version of an indicator system. {@code lineage} groups the versions of one system (a copy keeps its
 * lineage and gets the next {@code version}); {@code contentHash} is the SHA-256 of the canonical definition.
 */
public record IndicatorSystem(long id, String jurisdictionCode, String lineage, int version, SystemStatus status,
                              Long copiedFrom, String contentHash, SystemDefinition definition,
                              Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                              Instant publishedAt, String publishedBy) {
}
