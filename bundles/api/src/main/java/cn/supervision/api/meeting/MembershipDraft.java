package cn.supervision.api.meeting;

import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.cooperation.Department;

/**
 * A cooperating department joining the jurisdiction's joint meeting: its code (an active department of the same
 * jurisdiction), the day it joined (not in the future; today when null) and its contact persons for the meeting.
 */
public record MembershipDraft(String departmentCode, LocalDate joinedOn, List<Department.Contact> contacts) {
}
