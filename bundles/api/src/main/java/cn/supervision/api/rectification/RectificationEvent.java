package cn.supervision.api.rectification;

import java.time.Instant;

/**
 * One entry of a notice's permanent record: who did what, when and why — an issue, a plan, a progress report, a claim,
 * a review, a state change by the deadline pass, a visit, an escalation. {@code itemId} null for the notice itself.
 */
public record RectificationEvent(long id, long noticeId, Long itemId, String kind, String fromState, String toState, String text,
                                 String actor, Instant at) {
}
