package cn.supervision.api.security;

/** Roles of the platform's users. {@link #SYSTEM} is never given to a login: it is the platform acting itself. */
public enum Role {
    CITY_ADMIN,
    COUNTY_ADMIN,
    UNIT_USER,
    EVALUATOR,
    LEADER,
    PARTNER_SYSTEM,
    SYSTEM;

    /** Roles that may change registry data within their scope. */
    public boolean administers() {
        return this == CITY_ADMIN || this == COUNTY_ADMIN || this == SYSTEM;
    }
}
