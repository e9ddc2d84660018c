package cn.supervision.api.survey;

import java.util.List;

/**
 * What a respondent sends. {@code unitId}: the unit evaluated (ignored when a token is bound to one unit);
 * {@code category}: the respondent category code (ignored when the token carries one). Public respondents may leave
 * a name and phone (kept masked; only authorised office users see them, audited).
 */
public record Submission(Long unitId, String category, List<Answer> answers, String respondentName, String respondentPhone) {
    public Submission {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
