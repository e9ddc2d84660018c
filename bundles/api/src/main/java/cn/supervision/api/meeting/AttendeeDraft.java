package cn.supervision.api.meeting;

/** A person present: name, and the invited department they came for (null: the office's own staff). */
public record AttendeeDraft(String name, String departmentCode) {
}
