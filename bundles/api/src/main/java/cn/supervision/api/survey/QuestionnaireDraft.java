package cn.supervision.api.survey;

import java.util.List;

/**
 * A questionnaire's definition. {@code targetUnitIds} null means every target unit of the campaign;
 * {@code minimumSample} is per target unit; {@code openLink} allows anonymous answers through a shared link
 * (PUBLIC_EVALUATION only, with abuse limits) besides one-time tokens.
 */
public record QuestionnaireDraft(QuestionnaireKind kind, String title, String introduction, List<Question> questions,
                                 List<Long> targetUnitIds, List<RespondentCategory> respondentCategories, Integer minimumSample,
                                 Boolean openLink, List<IndicatorBinding> bindings) {
    public QuestionnaireDraft {
        openLink = Boolean.TRUE.equals(openLink);
        questions = questions == null ? List.of() : List.copyOf(questions);
        respondentCategories = respondentCategories == null ? List.of() : List.copyOf(respondentCategories);
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        targetUnitIds = targetUnitIds == null ? null : List.copyOf(targetUnitIds);
    }
}
