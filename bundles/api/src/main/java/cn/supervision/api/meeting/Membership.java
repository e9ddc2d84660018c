package cn.supervision.api.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.cooperation.Department;

/**
 * A member department of a jurisdiction's joint meeting for one period: joined on {@code joinedOn}, left on
 * {@code leftOn} (null while a member) with a reason. Never deleted: a department that leaves and joins again has two
 * memberships.
 */
public record Membership(long id, String jurisdictionCode, String departmentCode, String departmentName,
                         List<Department.Contact> contacts, LocalDate joinedOn, LocalDate leftOn, String leaveReason,
                         String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public boolean current() {
        return leftOn == null;
    }
}
