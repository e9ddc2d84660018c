package cn.supervision.api.platform;

import java.util.List;

/**
 * A scheduled pull (etc/cn.supervision.platform.feed-NAME.cfg): the {@code type} names the {@link PlatformFeed} that
 * fetches, {@code location} what it fetches (a URL for "http"), {@code format} json or csv. Runs on the given days of
 * the month at {@code time} (HH:mm, Asia/Shanghai), each attempt bounded by {@code timeoutSeconds}, retried
 * {@code retries} times {@code retryDelaySeconds} apart.
 */
public record FeedDefinition(String name, String type, String jurisdictionCode, String sourceSystem, String location,
                             String format, List<Integer> daysOfMonth, String time, int timeoutSeconds, int retries,
                             int retryDelaySeconds) { }
