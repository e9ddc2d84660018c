package cn.supervision.api.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, and within which authority: every user is bound to one jurisdiction (and a
 * UNIT_USER to one unit of it, by code). Adapters build it from the authenticated subject and pass it
 * to every domain call; the domain decides what the caller may see.
 */
public final class Caller implements Principal {
    private final String username;
    private final Set<Role> roles;
    private final String jurisdictionCode;
    private final String unitCode;
    private final String departmentCode;

    public Caller(String username, Set<Role> roles, String jurisdictionCode, String unitCode) {
        this(username, roles, jurisdictionCode, unitCode, null);
    }

    /** {@code departmentCode}: for DEPARTMENT users, the cooperating department they act for. */
    public Caller(String username, Set<Role> roles, String jurisdictionCode, String unitCode, String departmentCode) {
        this.username = Objects.requireNonNull(username, "username");
        this.roles = roles.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.jurisdictionCode = jurisdictionCode;
        this.unitCode = unitCode;
        this.departmentCode = departmentCode;
    }

    /**
     * The platform itself (seeding, Karaf shell operators): unbounded scope. {@code actor} names who acts,
     * so that records still say who did what.
     */
    public static Caller system(String actor) {
        return new Caller(actor, Set.of(Role.SYSTEM), null, null);
    }

    @Override
    public String getName() {
        return username;
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSystem() {
        return roles.contains(Role.SYSTEM);
    }

    /** May change registry data (units, mandates) within its scope. */
    public boolean administers() {
        return roles.stream().anyMatch(Role::administers);
    }

    /** The jurisdiction this caller is bound to; null only for {@link #system}. */
    public String jurisdictionCode() {
        return jurisdictionCode;
    }

    /** For UNIT_USERs: the code of their unit within {@link #jurisdictionCode()}. */
    public String unitCode() {
        return unitCode;
    }

    /** For DEPARTMENT users: the code of the cooperating department they act for (e.g. SJJ for the audit bureau). */
    public String departmentCode() {
        return departmentCode;
    }

    @Override
    public String toString() {
        return username + roles + "@" + (jurisdictionCode == null ? "*" : jurisdictionCode)
                + (unitCode == null ? "" : "/" + unitCode) + (departmentCode == null ? "" : "/dept:" + departmentCode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caller c && username.equals(c.username) && roles.equals(c.roles)
                && Objects.equals(jurisdictionCode, c.jurisdictionCode) && Objects.equals(unitCode, c.unitCode)
                && Objects.equals(departmentCode, c.departmentCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, roles, jurisdictionCode, unitCode, departmentCode);
    }
}
