package cn.supervision.api.meeting;

/** A person at the meeting: {@code departmentCode} is an invited department, or null for the office's own staff. */
public record Attendee(String name, String departmentCode, String departmentName) {
}
