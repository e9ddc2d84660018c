package cn.supervision.api.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Staffing in use (实有人员) of one unit on a date, against its approved {@link Staffing}: staff in administrative and
 * institutional slots, staff outside the establishment (编外), leadership posts filled. Every recording is kept.
 */
public record StaffingInUse(long unitId, LocalDate asOf, int administrativeStaff, int institutionalStaff, int extraStaff,
                            int leadershipPostsFilled, String recordedBy, Instant recordedAt) {
}
