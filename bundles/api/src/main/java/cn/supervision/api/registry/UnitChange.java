package cn.supervision.api.registry;

public enum UnitChange {
    CREATED, UPDATED, STATUS_CHANGED, IMPORTED
}
