package cn.supervision.platform.internal;

import java.util.Locale;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

/** The formats a batch document may have. Callers name one explicitly; guessing from a media type is the REST layer's job. */
enum BatchFormat {
    CSV, JSON;

    /** {@code csv} or {@code json} (any case); anything else is an unsupported type. */
    static BatchFormat of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw new SupervisionException(ProblemKind.UNSUPPORTED_TYPE, "格式不支持",
                    "批次格式必须是 json 或 csv", null);
        };
    }
}
