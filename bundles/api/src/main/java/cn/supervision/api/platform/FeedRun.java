package cn.supervision.api.platform;

import java.time.Instant;

/** One run of a feed: each attempt's outcome and the batch it produced. */
public record FeedRun(long id, String feed, Instant startedAt, Instant finishedAt, int attempts, Outcome outcome,
                      String message, String clientBatchId, Integer rows) {

    public enum Outcome { RUNNING, SUCCEEDED, DUPLICATE, FAILED }
}
