package cn.supervision.finding.internal;

import java.util.List;

import cn.supervision.api.problem.FieldError;

/** Bounds and the Chinese wording of the checks every text field of the ledger goes through. */
final class Texts {
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_EVIDENCE = 4_000;
    static final int MAX_REFERENCE = 500;
    static final int MAX_REASON = 500;
    static final int MAX_MEASURE = 2_000;
    static final int MAX_SUBJECT = 200;
    static final int MAX_BASIS = 1_000;

    private Texts() {
    }

    /** The trimmed text, or null; records a problem when it is missing but required, or too long. */
    static String check(String field, String text, boolean required, int max, List<FieldError> errors) {
        String t = text == null ? null : text.strip();
        if (t == null || t.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "必填"));
            }
            return null;
        }
        if (t.length() > max) {
            errors.add(new FieldError(field, "不能超过 " + max + " 个字符"));
        }
        return t;
    }

    /** Cuts a generated text to {@code max} characters (generated evidence may quote long explanations). */
    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
