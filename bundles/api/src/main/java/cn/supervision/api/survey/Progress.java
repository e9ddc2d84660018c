package cn.supervision.api.survey;

import java.util.List;

/** Responses against the minimum sample (per target unit) and the quotas (per respondent category). */
public record Progress(long questionnaireId, int responses, int excluded, Integer minimumSample, List<UnitProgress> units,
                       List<CategoryProgress> categories, boolean complete) {

    public record UnitProgress(long unitId, String unitName, int responses, int excluded, boolean sampleReached) { }

    public record CategoryProgress(String code, String label, int responses, Integer quota, boolean quotaReached) { }
}
