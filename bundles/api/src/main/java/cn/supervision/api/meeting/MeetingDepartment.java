package cn.supervision.api.meeting;

/**
 * A member department invited to a meeting (the members when it was scheduled or last changed). {@code present} is
 * null until attendance is recorded.
 */
public record MeetingDepartment(String code, String name, Boolean present) {
}
