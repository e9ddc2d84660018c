package cn.supervision.platform.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * One feed configuration {@code etc/cn.supervision.platform.feed-NAME.cfg}, made by Blueprint's managed-service-factory:
 * the first properties arrive through the setters, later ones through {@link #update}; the feed is handed to the
 * scheduler, which logs an invalid configuration and leaves that feed out.
 */
public class FeedConfiguration {
    private final FeedScheduler scheduler;
    private final Map<String, Object> properties = new HashMap<>();

    public FeedConfiguration(FeedScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void setName(String v) {
        properties.put("name", v);
    }

    public void setType(String v) {
        properties.put("type", v);
    }

    public void setJurisdiction(String v) {
        properties.put("jurisdiction", v);
    }

    public void setSourceSystem(String v) {
        properties.put("sourceSystem", v);
    }

    public void setLocation(String v) {
        properties.put("location", v);
    }

    public void setFormat(String v) {
        properties.put("format", v);
    }

    public void setDaysOfMonth(String v) {
        properties.put("daysOfMonth", v);
    }

    public void setTime(String v) {
        properties.put("time", v);
    }

    public void setTimeoutSeconds(String v) {
        properties.put("timeoutSeconds", v);
    }

    public void setRetries(String v) {
        properties.put("retries", v);
    }

    public void setRetryDelaySeconds(String v) {
        properties.put("retryDelaySeconds", v);
    }

    public void start() {
        hand(properties);
    }

    public void update(Map<String, ?> changed) {
        properties.clear();
        properties.putAll(changed);
        hand(properties);
    }

    public void stop() {
        scheduler.removed(this);
    }

    private void hand(Map<String, ?> p) {
        try {
            scheduler.configured(this, p);
        } catch (IllegalArgumentException e) {
            // logged by the scheduler: the configuration admin has nothing to do with a refused feed
        }
    }
}
