package cn.supervision.api.security;

import java.util.Objects;

/**
 * The records an operation touches: their jurisdiction, the unit they belong to (by code, for unit-owned records
 * such as a unit's inputs or results; null for records of the whole jurisdiction), whether they are published —
 * the campaign they belong to, or the indicator-system version itself (what a superior office, partners and units
 * may read depends on it) — and, for records addressed to a cooperating department (a shared report, a referred
 * lead, a task it owns), that department's code.
 */
public record Target(String jurisdictionCode, String unitCode, boolean published, String departmentCode) {

    public Target {
        Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    }

    public Target(String jurisdictionCode, String unitCode, boolean published) {
        this(jurisdictionCode, unitCode, published, null);
    }

    public static Target of(String jurisdictionCode) {
        return new Target(jurisdictionCode, null, false);
    }

    public static Target unit(String jurisdictionCode, String unitCode) {
        return new Target(jurisdictionCode, unitCode, false);
    }

    /** A record addressed to (or owned by) cooperating department {@code departmentCode}. */
    public static Target department(String jurisdictionCode, String departmentCode) {
        return new Target(jurisdictionCode, null, false, departmentCode);
    }

    public Target published(boolean published) {
        return new Target(jurisdictionCode, unitCode, published, departmentCode);
    }
}
