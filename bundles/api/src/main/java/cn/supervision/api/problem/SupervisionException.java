package cn.supervision.api.problem;

import java.util.List;

/**
 * A refusal the caller can act on. {@code status} follows HTTP semantics so every adapter can map it
 * (REST problem body, SOAP fault, shell message) without knowing the domain.
 */
public class SupervisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public SupervisionException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static SupervisionException invalid(String detail, List<FieldError> errors) {
        return new SupervisionException(400, "输入无效", detail, errors);
    }

    public static SupervisionException invalid(String field, String message) {
        return invalid(message, List.of(new FieldError(field, message)));
    }

    public static SupervisionException notFound(String detail) {
        return new SupervisionException(404, "未找到", detail, null);
    }

    public static SupervisionException forbidden(String detail) {
        return new SupervisionException(403, "无权访问", detail, null);
    }

    public static SupervisionException conflict(String detail) {
        return new SupervisionException(409, "状态冲突", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
