package cn.supervision.api.meeting;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the office schedules: title, date and time (Asia/Shanghai, not before today), location, who chairs it, agenda.
 * The invited departments are the jurisdiction's current members.
 */
public record MeetingDraft(String title, LocalDateTime startsAt, String location, String host, List<AgendaItemDraft> agenda) {
}
