package cn.supervision.api.platform;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a batch. A batch is applied whole or not at all: any rejected row rejects the batch, and the receipt
 * lists the rows that would have been accepted ({@code accepted} count) and every rejected one with its reason.
 * {@code superseded}: stored values replaced by this batch's rows.
 */
public record BatchReceipt(String clientBatchId, Long batchId, BatchStatus status, int rows, int accepted, int superseded,
                           List<RowError> rejected, Instant receivedAt, String receivedBy) { }
