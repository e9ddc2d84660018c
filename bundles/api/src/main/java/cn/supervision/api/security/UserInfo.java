package cn.supervision.api.security;

import java.util.Set;

/**
 * A platform user as the directory knows it: who to notify and how. {@code email} and {@code phone} are optional
 * contact attributes (and {@code departmentCode} binds a DEPARTMENT user to its department) of the user's line in the users file; never a credential.
 */
public record UserInfo(String username, Set<Role> roles, String jurisdictionCode, String unitCode, String email, String phone,
                       String departmentCode) {

    public UserInfo(String username, Set<Role> roles, String jurisdictionCode, String unitCode, String email, String phone) {
        this(username, roles, jurisdictionCode, unitCode, email, phone, null);
    }

    /** A user acting for cooperating department {@code department} of {@code jurisdiction}. */
    public boolean memberOf(String jurisdiction, String department) {
        return department.equals(departmentCode) && jurisdiction.equals(jurisdictionCode) && roles.contains(Role.DEPARTMENT);
    }

    /** A LEADER of {@code jurisdiction}. */
    public boolean leaderOf(String jurisdiction) {
        return jurisdiction.equals(jurisdictionCode) && roles.contains(Role.LEADER) && unitCode == null;
    }

    /** An office administrator of {@code jurisdictionCode} (not a unit-bound account). */
    public boolean officeOf(String jurisdiction) {
        return unitCode == null && jurisdiction.equals(jurisdictionCode)
                && (roles.contains(Role.CITY_ADMIN) || roles.contains(Role.COUNTY_ADMIN));
    }

    /** A user of that unit. */
    public boolean userOf(String jurisdiction, String unit) {
        return unit.equals(unitCode) && jurisdiction.equals(jurisdictionCode) && roles.contains(Role.UNIT_USER);
    }
}
