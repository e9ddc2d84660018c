package cn.supervision.api.problem;

/**
 * What kind of refusal a {@link SupervisionException} is. The domain says only this; each adapter decides
 * how to present it (an HTTP status and problem body, a SOAP fault, a shell message).
 */
public enum ProblemKind {
    /** The input breaks a rule; {@link SupervisionException#errors()} says where. */
    INVALID,
    /** The caller's authority does not reach the record or operation. */
    FORBIDDEN,
    /** No such record (or, where existence must not leak, none the caller may see). */
    NOT_FOUND,
    /** The record's state forbids the operation now, or another writer got there first. */
    CONFLICT,
    /** The record existed and is closed for good (a questionnaire that ended, a code already used). */
    GONE,
    /** The input is over a size or count limit. */
    TOO_LARGE,
    /** The input is in a format or content type the operation does not take. */
    UNSUPPORTED_TYPE,
    /** The caller is asking too often; try again later. */
    THROTTLED,
    /** The platform is momentarily overloaded, starting or stopping; the same call may succeed later. */
    BUSY,
    /** A collaborating service this operation needs is not running. */
    UNAVAILABLE
}
