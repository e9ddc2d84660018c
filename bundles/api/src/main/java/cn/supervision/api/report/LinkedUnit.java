package cn.supervision.api.report;

/** A unit of the registry the report is about. */
public record LinkedUnit(long unitId, String code, String name) {
}
