package cn.supervision.api.indicator;

/**
 * The exchange format of an indicator system (JSON import/export, contribution bundles). {@code format} is
 * {@value #FORMAT}; the JSON Schema is {@code bundles/indicator/src/main/resources/schema/indicator-system.schema.json}.
 */
public record IndicatorSystemDocument(String format, String jurisdictionCode, SystemDefinition definition) {
    public static final String FORMAT = "supervision.indicator-system/v1";
}
