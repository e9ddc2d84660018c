package cn.supervision.api.rectification;

/** One unit's rectification in one year (notices issued that year), for partners and dashboards. */
public record UnitRectificationStatus(String jurisdictionCode, long unitId, String unitCode, String unitName, int year,
                                      int notices, int items, int closedItems, int overdueItems, int openItems, int escalations) {
}
