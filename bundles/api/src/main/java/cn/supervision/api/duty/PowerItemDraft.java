package cn.supervision.api.duty;

/**
 * One row of a power and responsibility list (权责清单) as the workbook gives it: {@code row} is the sheet row (for
 * error messages), {@code type} the Chinese type label (行政许可 …), {@code subject} the implementing body (实施主体:
 * the unit, or the unit with one of its internal bodies), {@code dutyNumber} the number of the unit's main duty the
 * item implements (null: not mapped yet).
 */
public record PowerItemDraft(int row, String code, String name, String type, String basis, String subject,
                             String responsibilities, String accountability, Integer dutyNumber) {
}
