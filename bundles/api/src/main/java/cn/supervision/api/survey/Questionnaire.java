package cn.supervision.api.survey;

import java.time.Instant;
import java.util.List;

/**
 * A questionnaire of a campaign. {@code targetUnitIds} are fixed when it opens; {@code openLinkKey} is the key of the
 * shared link (PUBLIC_EVALUATION with openLink, once open).
 */
public record Questionnaire(long id, long campaignId, String jurisdictionCode, QuestionnaireDraft definition,
                            List<Long> targetUnitIds, QuestionnaireState state, String openLinkKey,
                            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) { }
