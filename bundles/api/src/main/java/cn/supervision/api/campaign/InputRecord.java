package cn.supervision.api.campaign;

import java.time.Instant;

import cn.supervision.api.indicator.IndicatorInput;

/**
 * One recorded input for one unit and one indicator (or adjustment) code. Never overwritten: a newer record wins.
 * Self-reports carry their review ({@code review}, with the office's note when returned); other sources are ACCEPTED.
 * {@code late}: a self-report entered after the campaign's collection deadline (the end of that day in Asia/Shanghai).
 */
public record InputRecord(long id, long campaignId, long unitId, String code, IndicatorInput input, InputSource source,
                          String explanation, String enteredBy, Instant enteredAt, ReviewStatus review, String reviewNote,
                          String reviewedBy, boolean late) {

    /** A record not judged against a deadline (not late). */
    public InputRecord(long id, long campaignId, long unitId, String code, IndicatorInput input, InputSource source,
                       String explanation, String enteredBy, Instant enteredAt, ReviewStatus review, String reviewNote,
                       String reviewedBy) {
        this(id, campaignId, unitId, code, input, source, explanation, enteredBy, enteredAt, review, reviewNote, reviewedBy, false);
    }
}
