package cn.supervision.api.campaign;

import cn.supervision.api.problem.SupervisionException;

/**
 * A caller's key for one write, so that the write can be retried safely (over HTTP, the {@code Idempotency-Key}
 * header): the first request with a key is carried out and remembered with what it asked for; a request with the
 * same key and the same content is answered as the first was (nothing is written again), the same key with other
 * content is refused. Keys belong to the caller who sent them (another user's key is a different key) and are
 * remembered for {@link #RETENTION_HOURS} hours at least.
 *
 * <p>Visible ASCII (no blanks, no {@code "} or {@code \}), 1 to {@link #MAX_LENGTH} characters: a UUID is the usual choice.
 */
public record RequestKey(String value) {
    public static final int MAX_LENGTH = 128;
    /** How long a key is remembered at least; rows older than this are cleaned up. */
    public static final int RETENTION_HOURS = 24;

    public RequestKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw SupervisionException.invalid("Idempotency-Key", "幂等键须为 1 至 " + MAX_LENGTH + " 个字符");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x21 || ch > 0x7E || ch == '"' || ch == '\\') {
                throw SupervisionException.invalid("Idempotency-Key", "幂等键只能由可见的 ASCII 字符组成（不含空格、引号和反斜杠），例如 UUID");
            }
        }
    }

    /** The key, or null when none was sent. */
    public static RequestKey of(String value) {
        return value == null ? null : new RequestKey(value);
    }

    /**
     * The answer to a keyed write: {@code replayed} when the key had been used before for the same content and
     * {@code answer} is the first request's answer (nothing was written by this one).
     */
    public record Answer<T>(T answer, boolean replayed) { }
}
