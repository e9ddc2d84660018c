package cn.supervision.api.duty;

/**
 * One side of a proposal: a main duty ({@code itemId} null) or a power-list item ({@code itemId} and {@code itemCode}
 * set, {@code dutyId} the duty it implements if mapped).
 */
public record DutyRef(long unitId, String unitName, Long dutyId, Integer dutyNumber, Long itemId, String itemCode,
                      String text) {
}
