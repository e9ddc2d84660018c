package cn.supervision.api.security;

/** Roles of the platform's users. {@link #SYSTEM} is never given to a login: it is the platform acting itself. */
public enum Role {
    CITY_ADMIN,
    COUNTY_ADMIN,
    UNIT_USER,
    EVALUATOR,
    LEADER,
    PARTNER_SYSTEM,
    /**
     * A cooperating department of art. 5 (discipline inspection, inspection tours, government supervision, organisation,
     * human resources, finance, audit), bound to a jurisdiction and to its department code: it sees only what the office
     * sent it (shared results, referred leads) and the tasks it owns.
     */
    DEPARTMENT,
    SYSTEM;

    /** Roles that may change registry data within their scope. */
    public boolean administers() {
        return this == CITY_ADMIN || this == COUNTY_ADMIN || this == SYSTEM;
    }
}
