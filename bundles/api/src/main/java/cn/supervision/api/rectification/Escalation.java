package cn.supervision.api.rectification;

import java.time.Instant;
import java.time.LocalDate;

/** 约谈 or 通报批评 of a notice's unit, proposed by the deadline rule or recorded by the office. */
public record Escalation(long id, long noticeId, EscalationKind kind, EscalationState state, LocalDate date, String participants,
                         String minutes, String reason, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt) {
}
