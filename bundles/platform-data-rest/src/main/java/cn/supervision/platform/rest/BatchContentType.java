package cn.supervision.platform.rest;

import java.util.Locale;

import javax.ws.rs.core.MediaType;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

/** The batch format a request's Content-Type names: the domain takes {@code csv} or {@code json}, HTTP says it here. */
final class BatchContentType {
    private BatchContentType() {
    }

    /** {@code csv} for text/csv (and vendor variants naming csv), {@code json} for application/json and +json types. */
    static String format(MediaType type) {
        String subtype = type == null ? "" : type.getSubtype().toLowerCase(Locale.ROOT);
        if (subtype.contains("csv")) {
            return "csv";
        }
        if (subtype.contains("json")) {
            return "json";
        }
        throw new SupervisionException(ProblemKind.UNSUPPORTED_TYPE, "格式不支持", "批次格式必须是 JSON（application/json）或 CSV（text/csv）", null);
    }
}
