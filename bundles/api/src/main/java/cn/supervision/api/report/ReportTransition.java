package cn.supervision.api.report;

import java.time.Instant;

/**
 * One line of a report's history: a move between states ({@code from} null at creation), or an event within a state
 * ({@code from == to}: read by a leader, an instruction recorded, tasks assigned, a document generated), with who did
 * it, when, and a note (a return reason, the leaders sent to, the instruction's id).
 */
public record ReportTransition(ReportState from, ReportState to, String action, String actor, Instant at, String note) {
}
