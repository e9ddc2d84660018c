package cn.supervision.api.indicator;

/**
 * The exchange format of an indicator system (JSON import/export, contribution bundles). {@code format} is
 * {@value #FORMAT}; the JSON Schema is {@code bundles/indicator-rest/src/main/resources/schema/indicator-system.schema.json}, served at {@code GET /services/api/v1/indicator-systems/schema}.
 */
public record IndicatorSystemDocument(String format, String jurisdictionCode, SystemDefinition definition) {
    public static final String FORMAT = "supervision.indicator-system/v1";
}
