package cn.supervision.api.platform;

/**
 * Feeds one PLATFORM_DATA leaf of a campaign with a metric aggregated over the campaign's period: as the input's
 * value (rates, coverage) or, with {@code asOccurrences}, as a number of occurrences (e.g. verified bad reviews).
 */
public record MetricBinding(String metricCode, String indicatorCode, Boolean asOccurrences) {
    public MetricBinding {
        asOccurrences = Boolean.TRUE.equals(asOccurrences);
    }
}
