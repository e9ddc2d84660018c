package cn.supervision.api.meeting;

/** One agenda item to schedule: its title, and optionally the record it discusses ({@code kind} + {@code refId}). */
public record AgendaItemDraft(String title, AgendaLinkKind kind, Long refId) {
}
