package cn.supervision.api.meeting;

import java.time.Instant;
import java.util.List;

/** A decision of a meeting (numbered from 1 within it) with its tracked tasks (TaskOrigin.MEETING_DECISION, id). */
public record Decision(long id, long meetingId, int no, String text, List<DecisionTask> tasks, String createdBy,
                       Instant createdAt) {
}
