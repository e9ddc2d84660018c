package cn.supervision.api.platform;

/** Why one row was refused: its line (1 = first data row), the field and the reason. */
public record RowError(int line, String field, String message) { }
