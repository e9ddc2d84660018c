package cn.supervision.api.indicator;

/** One problem of a system definition, at a node's code path (e.g. {@code A/A1/A1.2}). ERRORs block publication. */
public record ValidationProblem(Severity severity, String path, String message) {
    public enum Severity { ERROR, WARNING }
}
