package cn.supervision.api.survey;

/**
 * Feeds one leaf of the campaign's pinned system (of the questionnaire's category) with a {@link Conversion} of the
 * answers to one question ({@code questionCode}) or, when null, to every scored question of the questionnaire.
 */
public record IndicatorBinding(String indicatorCode, Conversion conversion, String questionCode) { }
