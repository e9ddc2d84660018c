package cn.supervision.security.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;

/**
 * One line of a users file:
 * {@code username = HASH;roles=CITY_ADMIN,LEADER;jurisdiction=370500[;unit=UNITCODE][;department=CODE][;email=ADDRESS][;phone=NUMBER]}.
 * The contact attributes are optional and only tell the notification channels where to reach the user.
 */
record UserAccount(String username, String passwordHash, Set<Role> roles, String jurisdictionCode, String unitCode,
                   String email, String phone, String departmentCode) {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s;,]{1,64}@[^@\\s;,]{1,190}");
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9-]{4,19}");

    UserInfo toInfo() {
        return new UserInfo(username, roles, jurisdictionCode, unitCode, email, phone, departmentCode);
    }

    Caller toCaller() {
        return new Caller(username, roles, jurisdictionCode, unitCode, departmentCode);
    }

    /** Parses a line's value; the problems found are added to {@code problems} and null is returned. */
    static UserAccount parse(String username, String value, List<String> problems) {
        String[] parts = value.split(";");
        String hash = parts[0].trim();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String jurisdiction = null;
        String unit = null;
        String department = null;
        String email = null;
        String phone = null;
        List<String> errors = new ArrayList<>();
        if (!hash.startsWith(PasswordHash.PREFIX + "$")) {
            errors.add("password is not a " + PasswordHash.PREFIX + " hash (plain-text passwords are not accepted)");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String key = kv[0].trim();
            String v = kv.length > 1 ? kv[1].trim() : "";
            switch (key) {
                case "roles" -> {
                    for (String r : v.split(",")) {
                        try {
                            Role role = Role.valueOf(r.trim());
                            if (role == Role.SYSTEM) {
                                errors.add("role SYSTEM cannot be given to a login");
                            } else {
                                roles.add(role);
                            }
                        } catch (IllegalArgumentException e) {
                            errors.add("unknown role '" + r.trim() + "'");
                        }
                    }
                }
                case "jurisdiction" -> jurisdiction = v.isEmpty() ? null : v;
                case "unit" -> unit = v.isEmpty() ? null : v;
                case "department" -> {
                    if (!v.isEmpty() && !CODE.matcher(v).matches()) {
                        errors.add("department is not a department code");
                    }
                    department = v.isEmpty() ? null : v;
                }
                case "email" -> {
                    if (!v.isEmpty() && !EMAIL.matcher(v).matches()) {
                        errors.add("email is not an e-mail address");
                    }
                    email = v.isEmpty() ? null : v;
                }
                case "phone" -> {
                    if (!v.isEmpty() && !PHONE.matcher(v).matches()) {
                        errors.add("phone is not a telephone number");
                    }
                    phone = v.isEmpty() ? null : v;
                }
                default -> errors.add("unknown attribute '" + key + "'");
            }
        }
        if (roles.isEmpty()) {
            errors.add("no roles");
        }
        if (jurisdiction == null) {
            errors.add("not bound to a jurisdiction");
        }
        if (roles.contains(Role.UNIT_USER) && unit == null) {
            errors.add("UNIT_USER needs unit=<unit code>");
        }
        if (roles.contains(Role.DEPARTMENT) && department == null) {
            errors.add("DEPARTMENT needs department=<department code>");
        }
        if (department != null && !roles.contains(Role.DEPARTMENT)) {
            errors.add("department= is only for DEPARTMENT accounts");
        }
        if (department != null && unit != null) {
            errors.add("an account acts for a unit or for a department, not both");
        }
        if (!errors.isEmpty()) {
            problems.add("user '" + username + "': " + String.join("; ", errors));
            return null;
        }
        return new UserAccount(username, hash, roles, jurisdiction, unit, email, phone, department);
    }
}
