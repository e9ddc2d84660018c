package cn.supervision.api.meeting;

import java.util.List;

/**
 * Attendance of a meeting: the codes of the invited departments present (the others are absent) and the people
 * present. Recording it marks a scheduled meeting whose time has come as held; while held it can be corrected.
 */
public record AttendanceDraft(List<String> presentDepartments, List<AttendeeDraft> attendees) {
}
