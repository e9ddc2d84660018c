package cn.supervision.api.duty;

import java.time.Instant;

/** The record of one accepted power-list import: how many items it brought and how many current ones it superseded. */
public record PowerListImport(long id, long unitId, String jurisdictionCode, String fileName, int items, int superseded,
                              Instant importedAt, String importedBy) {
}
