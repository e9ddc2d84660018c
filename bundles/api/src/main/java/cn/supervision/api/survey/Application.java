package cn.supervision.api.survey;

import java.math.BigDecimal;
import java.util.List;

/** The outcome of converting a questionnaire's answers into campaign inputs: what was recorded and what was not. */
public record Application(long questionnaireId, long campaignId, List<Applied> applied, List<Skipped> skipped) {

    /** One campaign input recorded: its id, the value, the valid answers it rests on. */
    public record Applied(long unitId, String indicatorCode, BigDecimal value, int answers, long inputId, String explanation) { }

    /** A unit and indicator left without input, and why (no answers, sample not reached). */
    public record Skipped(long unitId, String indicatorCode, String reason) { }
}
