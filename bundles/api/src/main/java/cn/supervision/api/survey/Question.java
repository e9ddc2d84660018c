package cn.supervision.api.survey;

/** One question; {@code code} is unique within its questionnaire (e.g. Q1). {@code required} defaults to false. */
public record Question(String code, String text, QuestionType type, Boolean required) {
    public Question {
        required = Boolean.TRUE.equals(required);
    }
}
