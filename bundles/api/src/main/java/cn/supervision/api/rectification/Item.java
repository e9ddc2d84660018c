package cn.supervision.api.rectification;

import java.time.LocalDate;

/** One finding under a notice with the unit's current plan; the plan's history is in the notice's events. */
public record Item(long id, long noticeId, long findingId, String findingDescription, ItemState state, String measures,
                   String responsiblePerson, LocalDate dueDate, LocalDate overdueSince, LocalDate acceptedOn) {
}
