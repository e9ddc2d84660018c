package cn.supervision.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import cn.supervision.api.problem.FieldError;

/** RFC 7807 problem bodies: {@code status}, {@code title}, {@code detail} and per-field {@code errors}. */
final class Problems {
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json", "UTF-8");

    private Problems() {
    }

    static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, title, detail, errors)).build();
    }

    static Map<String, Object> body(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", status);
        body.put("title", title);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "请求无效";
            case 401 -> "未认证";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "不支持的响应格式";
            case 409 -> "状态冲突";
            case 413 -> "请求体过大";
            case 415 -> "不支持的内容类型";
            case 503 -> "服务未就绪";
            default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
        };
    }
}
