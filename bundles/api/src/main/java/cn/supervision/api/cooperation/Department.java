package cn.supervision.api.cooperation;

import java.util.List;

/**
 * A cooperating department of one jurisdiction. {@code code} is unique within the jurisdiction and is what DEPARTMENT
 * users are bound to ({@code department=} in the users file). {@code contacts}: names with phone, as the office keeps
 * them. An inactive department keeps its history but receives nothing new.
 */
public record Department(long id, String jurisdictionCode, String code, String name, DepartmentKind kind,
                         List<Contact> contacts, boolean active) {

    public record Contact(String name, String title, String phone) {
    }
}
