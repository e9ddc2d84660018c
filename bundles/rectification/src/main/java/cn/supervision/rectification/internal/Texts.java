package cn.supervision.rectification.internal;

import java.util.List;

import cn.supervision.api.problem.FieldError;
import cn.supervision.rectification.internal.model.NoticeEntity;

/** Free text as a draft gives it, and a notice as records and messages cite it. */
final class Texts {
    private Texts() {
    }

    /** Blank is absent: a field of spaces is as missing as no field. */
    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "必填"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "不能超过 " + max + " 字"));
        }
    }

    /** A finding's description short enough for a message's line. */
    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    static String number(NoticeEntity n) {
        return "〔" + n.getNumberYear() + "〕" + n.getSequence() + "号";
    }

    static String link(long noticeId) {
        return "/v1/rectifications/" + noticeId;
    }
}
