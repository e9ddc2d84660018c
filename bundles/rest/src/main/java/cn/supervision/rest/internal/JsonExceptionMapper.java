package cn.supervision.rest.internal;

import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.supervision.api.problem.FieldError;
import cn.supervision.rest.bounds.BodyTooLargeException;

/** Malformed JSON, unknown fields and wrongly typed values: 400 naming the field, never a stack trace. */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return toProblem(e);
    }

    static Response toProblem(JsonProcessingException e) {
        // the body cap, crossed while a value was being read: Jackson wraps it as that value's error
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Problems.response(413, Problems.titleFor(413), tooLarge.getMessage(), null);
            }
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String message;
            if (e instanceof UnrecognizedPropertyException u) {
                message = "未知字段“" + u.getPropertyName() + "”";
            } else if (e instanceof InvalidFormatException f) {
                message = "值 " + f.getValue() + " 不是有效的" + typeName(f.getTargetType())
                        + (f.getTargetType() != null && f.getTargetType().isEnum()
                        ? "（可选值：" + enumValues(f.getTargetType()) + "）" : "");
            } else if (e instanceof MismatchedInputException mi) {
                message = "类型不正确，应为" + typeName(mi.getTargetType());
            } else {
                message = "值无效";
            }
            return Problems.response(400, "请求无效", "JSON 内容无效：" + field + " " + message,
                    List.of(new FieldError(field, message)));
        }
        String location = e.getLocation() == null ? ""
                : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
        return Problems.response(400, "请求无效", "请求体不是有效的 JSON" + location, List.of());
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "值";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "整数";
        }
        if (type == String.class) {
            return "文本";
        }
        if (type.isEnum()) {
            return "选项";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "布尔值";
        }
        return "对象";
    }

    private static String enumValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、"));
    }
}
