package cn.supervision.rest.bounds;

import cn.supervision.api.problem.ProblemKind;

/** The HTTP status a REST adapter answers for each kind of domain refusal. */
public final class ProblemStatus {
    private ProblemStatus() {
    }

    public static int of(ProblemKind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case THROTTLED -> 429;
            case BUSY, UNAVAILABLE -> 503;
        };
    }
}
