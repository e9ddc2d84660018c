package cn.supervision.cooperation.internal;

import java.util.List;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.security.Caller;

/** How every form of this bundle reads its fields, so the same input gets the same answer everywhere. */
final class Inputs {
    private Inputs() {
    }

    /** A blank jurisdiction means the caller's own (null for a caller bound to none). */
    static String jurisdiction(Caller caller, String jurisdictionCode) {
        String j = jurisdictionCode == null || jurisdictionCode.isBlank() ? null : jurisdictionCode.trim();
        return j != null ? j : caller.jurisdictionCode();
    }

    static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.trim();
        if (required && v.isEmpty()) {
            errors.add(new FieldError(field, "必填"));
        } else if (v.length() > max) {
            errors.add(new FieldError(field, "不能超过 " + max + " 字"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
