package cn.supervision.api.survey;

/** One question; {@code code} is unique within its questionnaire (e.g. Q1). */
public record Question(String code, String text, QuestionType type, boolean required) { }
