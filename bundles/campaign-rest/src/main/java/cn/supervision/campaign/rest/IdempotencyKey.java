package cn.supervision.campaign.rest;

import javax.ws.rs.core.Response;

import cn.supervision.api.campaign.RequestKey;

/**
 * The {@code Idempotency-Key} request header (IETF draft-ietf-httpapi-idempotency-key-header) as the campaign input
 * writes take it: the client's key for one write, as a token or a quoted string; the domain keeps it with the write
 * ({@link RequestKey}). A replayed answer carries {@code Idempotent-Replayed: true}.
 */
final class IdempotencyKey {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    static final String PARAMETER = "客户端为这次写入生成的唯一键（建议 UUID，1–128 个可见 ASCII 字符，可加双引号）。"
            + "同一用户以同一键重发相同内容时返回首次的结果（状态码与响应体相同，另有响应头 Idempotent-Replayed: true），不重复写入；"
            + "同一键用于不同内容时 409。键至少保留 24 小时。省略时每次请求都写入";

    static final String DESCRIPTION = "可带请求头 Idempotency-Key：应答丢失（连接中断、超时、502/503）后用同一键原样重发是安全的——"
            + "已写入的返回首次的结果（同样的状态码、记录 id 与时间，响应头 Idempotent-Replayed: true），即使活动此后已进入下一阶段；"
            + "同一键配不同内容（或另一活动、单项与成批互换）为 409；键属于发送它的用户，至少保留 24 小时。";

    private IdempotencyKey() {
    }

    /** The header's key, or null when none was sent; a malformed one is refused (400). */
    static RequestKey parse(String header) {
        if (header == null) {
            return null;
        }
        String v = header.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1); // a structured-field string, as the draft writes it
        }
        return new RequestKey(v);
    }

    /** The response, marked when it is a replay of the key's first answer. */
    static Response.ResponseBuilder marked(Response.ResponseBuilder response, RequestKey.Answer<?> answer) {
        return answer.replayed() ? response.header(REPLAYED, "true") : response;
    }
}
