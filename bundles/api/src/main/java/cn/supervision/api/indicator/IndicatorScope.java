package cn.supervision.api.indicator;

/** COMMON indicators apply to every unit; UNIT_SPECIFIC ones (个性指标) are filled in per unit, in the specific part. */
public enum IndicatorScope {
    COMMON, UNIT_SPECIFIC
}
