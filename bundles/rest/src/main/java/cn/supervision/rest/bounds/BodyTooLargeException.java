package cn.supervision.rest.bounds;

import javax.ws.rs.WebApplicationException;

/**
 * A request body beyond its limit: 413 with a problem body naming the limit, and the connection closed so the rest
 * of the body is never read. A {@link WebApplicationException} so that it leaves a JSON reader or a resource method
 * unchanged, wherever in the read the limit is crossed.
 */
public class BodyTooLargeException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long maxBytes) {
        super("请求体超过 " + Bodies.describe(maxBytes) + " 上限", 413);
    }

    public BodyTooLargeException(String message) {
        super(message, 413);
    }
}
