package cn.supervision.survey.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Question;
import cn.supervision.api.survey.QuestionType;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.RespondentCategory;
import cn.supervision.api.survey.Submission;

/** What a respondent sent, checked against the questionnaire before anything is written. */
final class AnswerChecks {
    static final int MAX_TEXT_ANSWER = 1_000;
    static final Pattern PHONE = Pattern.compile("[0-9+\\-]{5,20}");

    private AnswerChecks() {
    }

    /** The unit and category a token fixes win over the form's; blank name and phone become null. */
    static Submission submission(Questionnaire q, Submission s, Long tokenUnit, String tokenCategory) {
        if (s == null) {
            throw SupervisionException.invalid("answers", "请填写问卷");
        }
        Long unit = tokenUnit != null ? tokenUnit : s.unitId();
        if (unit == null || !q.targetUnitIds().contains(unit)) {
            throw SupervisionException.invalid("unitId", "请选择被评价的单位");
        }
        String category = tokenCategory != null ? tokenCategory : s.category();
        List<RespondentCategory> categories = q.definition().respondentCategories();
        if (!categories.isEmpty() && (category == null || categories.stream().noneMatch(c -> c.code().equals(category)))) {
            throw SupervisionException.invalid("category", "请选择您的身份类别");
        }
        if (s.respondentName() != null && s.respondentName().length() > 50) {
            throw SupervisionException.invalid("respondentName", "姓名不超过 50 个字符");
        }
        if (s.respondentPhone() != null && !s.respondentPhone().isBlank() && !PHONE.matcher(s.respondentPhone()).matches()) {
            throw SupervisionException.invalid("respondentPhone", "手机号码无效");
        }
        String phone = s.respondentPhone() == null || s.respondentPhone().isBlank() ? null : s.respondentPhone();
        String name = s.respondentName() == null || s.respondentName().isBlank() ? null : s.respondentName().trim();
        return new Submission(unit, categories.isEmpty() ? null : category, s.answers(), name, phone);
    }

    /** Every required question answered once, levels 1–5, texts bounded; answers in question order. */
    static List<Answer> answers(Questionnaire q, List<Answer> answers) {
        Map<String, Answer> byCode = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Answer a : answers == null ? List.<Answer>of() : answers) {
            if (a == null || a.questionCode() == null) {
                errors.add(new FieldError("answers", "回答缺少题号"));
            } else if (byCode.put(a.questionCode(), a) != null) {
                errors.add(new FieldError("answers." + a.questionCode(), "同一题只能回答一次"));
            }
        }
        List<Answer> ordered = new ArrayList<>();
        for (Question question : q.definition().questions()) {
            Answer a = byCode.remove(question.code());
            boolean empty = a == null || (question.type() == QuestionType.TEXT ? a.text() == null || a.text().isBlank() : a.level() == null);
            if (empty) {
                if (question.required()) {
                    errors.add(new FieldError("answers." + question.code(), "第 " + question.code() + " 题必须回答"));
                }
                continue;
            }
            if (question.type() == QuestionType.TEXT) {
                if (a.text().length() > MAX_TEXT_ANSWER) {
                    errors.add(new FieldError("answers." + question.code(), "文字回答不超过 " + MAX_TEXT_ANSWER + " 个字符"));
                }
                ordered.add(new Answer(question.code(), null, a.text().trim()));
            } else if (a.level() < 1 || a.level() > 5) {
                errors.add(new FieldError("answers." + question.code(), "第 " + question.code() + " 题的等级必须是 1 至 5"));
            } else {
                ordered.add(new Answer(question.code(), a.level(), null));
            }
        }
        byCode.keySet().forEach(code -> errors.add(new FieldError("answers." + code, "问卷没有第 " + code + " 题")));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("回答有 " + errors.size() + " 处问题", errors);
        }
        return ordered;
    }
}
