package cn.supervision.api.cooperation;

import java.util.List;

/**
 * What the office records about a cooperating department: {@code code} (letters, digits, '-', unique within the
 * jurisdiction; what DEPARTMENT users are bound to by {@code department=} in the users file, so it cannot change once
 * registered), its name, kind and contacts.
 */
public record DepartmentDraft(String code, String name, DepartmentKind kind, List<Department.Contact> contacts) {
}
