package cn.supervision.api.survey;

/** One answer: {@code level} 1–5 for SATISFACTION and RATING questions, {@code text} for TEXT questions. */
public record Answer(String questionCode, Integer level, String text) { }
