package cn.supervision.api.survey;

import java.util.List;

/**
 * What the public answering page shows: no ids of other respondents, no office data. {@code units}: the units the
 * respondent may choose from (one when the token is bound to a unit).
 */
public record PublicForm(String title, String introduction, String jurisdictionName, List<Question> questions,
                         List<UnitChoice> units, List<RespondentCategory> categories, String fixedCategory, boolean open) {

    public record UnitChoice(long id, String name) { }
}
