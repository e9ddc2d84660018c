package cn.supervision.api.problem;

/** One problem with one input field; {@code field} is a path such as {@code mandate.duties[2].text} or {@code row 7: 名称}. */
public record FieldError(String field, String message) {
}
