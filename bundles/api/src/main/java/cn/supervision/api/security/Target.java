package cn.supervision.api.security;

import java.util.Objects;

/**
 * The records an operation touches: their jurisdiction, the unit they belong to (by code, for unit-owned records
 * such as a unit's inputs or results; null for records of the whole jurisdiction), and whether they are published —
 * the campaign they belong to, or the indicator-system version itself (what a superior office, partners and units
 * may read depends on it).
 */
public record Target(String jurisdictionCode, String unitCode, boolean published) {

    public Target {
        Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    }

    public static Target of(String jurisdictionCode) {
        return new Target(jurisdictionCode, null, false);
    }

    public static Target unit(String jurisdictionCode, String unitCode) {
        return new Target(jurisdictionCode, unitCode, false);
    }

    public Target published(boolean published) {
        return new Target(jurisdictionCode, unitCode, published);
    }
}
