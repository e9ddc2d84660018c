package cn.supervision.api.meeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A joint meeting of one jurisdiction. {@code departments}: the invited member departments with their presence;
 * {@code attendees}: the people present (empty until held); {@code minutes}: the minutes text (null until written);
 * {@code cancelReason}: why it was cancelled.
 */
public record Meeting(long id, String jurisdictionCode, String title, LocalDateTime startsAt, String location, String host,
                      List<AgendaItem> agenda, List<MeetingDepartment> departments, List<Attendee> attendees,
                      String minutes, List<Decision> decisions, MeetingState state, String cancelReason,
                      String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
}
