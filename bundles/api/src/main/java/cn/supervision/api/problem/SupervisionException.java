package cn.supervision.api.problem;

import java.util.List;

/**
 * A refusal the caller can act on. The domain states its {@link ProblemKind}; adapters map the kind to their
 * own vocabulary (REST status and problem body, SOAP fault, shell message) without knowing the domain.
 */
public class SupervisionException extends RuntimeException {
    private static final long serialVersionUID = 2L;

    private final ProblemKind kind;
    private final String title;
    private final List<FieldError> errors;

    public SupervisionException(ProblemKind kind, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static SupervisionException invalid(String detail, List<FieldError> errors) {
        return new SupervisionException(ProblemKind.INVALID, "输入无效", detail, errors);
    }

    public static SupervisionException invalid(String field, String message) {
        return invalid(message, List.of(new FieldError(field, message)));
    }

    public static SupervisionException notFound(String detail) {
        return new SupervisionException(ProblemKind.NOT_FOUND, "未找到", detail, null);
    }

    public static SupervisionException forbidden(String detail) {
        return new SupervisionException(ProblemKind.FORBIDDEN, "无权访问", detail, null);
    }

    public static SupervisionException conflict(String detail) {
        return new SupervisionException(ProblemKind.CONFLICT, "状态冲突", detail, null);
    }

    public static SupervisionException gone(String title, String detail) {
        return new SupervisionException(ProblemKind.GONE, title, detail, null);
    }

    public static SupervisionException tooLarge(String detail) {
        return new SupervisionException(ProblemKind.TOO_LARGE, "请求体过大", detail, null);
    }

    public static SupervisionException busy(String title, String detail) {
        return new SupervisionException(ProblemKind.BUSY, title, detail, null);
    }

    public static SupervisionException unavailable(String title, String detail) {
        return new SupervisionException(ProblemKind.UNAVAILABLE, title, detail, null);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
