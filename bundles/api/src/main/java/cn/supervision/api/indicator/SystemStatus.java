package cn.supervision.api.indicator;

/** DRAFT is editable; PUBLISHED is immutable and may be pinned by campaigns; RETIRED is no longer offered. */
public enum SystemStatus {
    DRAFT, PUBLISHED, RETIRED
}
