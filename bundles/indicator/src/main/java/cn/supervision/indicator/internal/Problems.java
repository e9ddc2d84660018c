package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.SystemValidator.MAX_TEXT;

import java.math.BigDecimal;
import java.util.List;

import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.indicator.ValidationProblem.Severity;

/** The wording every definition check shares, so one kind of finding reads the same wherever it is found. */
final class Problems {
    private Problems() {
    }

    static ValidationProblem error(String path, String message) {
        return new ValidationProblem(Severity.ERROR, path, message);
    }

    static void nonNegative(List<ValidationProblem> out, String path, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            out.add(error(path, "不能为负数"));
        }
    }

    static void text(List<ValidationProblem> out, String path, String what, String v) {
        if (v != null && v.length() > MAX_TEXT) {
            out.add(error(path, what + "不能超过 " + MAX_TEXT + " 个字符"));
        }
    }

    /** A node without a usable code still needs a path the editor can show. */
    static String label(String code) {
        return code == null || code.isBlank() ? "?" : code;
    }
}
