package cn.supervision.api.security;

import cn.supervision.api.problem.SupervisionException;

/** Too many failed logins for this user (from this source): the attempt was not even checked. The adapters answer it as throttled (HTTP 429). */
public class LoginThrottledException extends SupervisionException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(cn.supervision.api.problem.ProblemKind.THROTTLED, "登录尝试过多", "登录失败次数过多，请 " + retryAfterSeconds + " 秒后再试", null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the next attempt is checked (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
