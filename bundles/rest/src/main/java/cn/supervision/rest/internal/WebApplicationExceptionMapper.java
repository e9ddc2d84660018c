package cn.supervision.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Unknown paths, wrong methods and media types keep their status but get a problem body. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return JsonExceptionMapper.toProblem(j);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.ResponseBuilder b = Response.fromResponse(Problems.response(status, Problems.titleFor(status),
                detail(status, e), null));
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            b.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return b.build();
    }

    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "没有这个资源";
            case 405 -> "该资源不支持此请求方法";
            case 406 -> "无法按所要求的格式返回";
            case 415 -> "不支持此内容类型，请使用 application/json";
            default -> e.getMessage() == null ? Problems.titleFor(status) : e.getMessage();
        };
    }
}
