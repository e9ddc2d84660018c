package cn.supervision.survey.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.IndicatorBinding;
import cn.supervision.api.survey.Question;
import cn.supervision.api.survey.QuestionType;
import cn.supervision.api.survey.QuestionnaireDraft;
import cn.supervision.api.survey.QuestionnaireKind;
import cn.supervision.api.survey.RespondentCategory;

/** Checks a questionnaire definition against its campaign and the indicator systems it pins, naming every problem at once. */
final class DefinitionValidator {
    static final int MAX_QUESTIONS = 50;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final IndicatorSystemService systems;

    DefinitionValidator(IndicatorSystemService systems) {
        this.systems = systems;
    }

    QuestionnaireDraft checked(Caller caller, Campaign c, QuestionnaireDraft d) {
        if (d == null) {
            throw SupervisionException.invalid("definition", "必须提供问卷定义");
        }
        List<FieldError> errors = new ArrayList<>();
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "问卷类型必须是 PEER_REVIEW（部门互评）或 PUBLIC_EVALUATION（社会评议）"));
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            errors.add(new FieldError("title", "标题必填，不超过 200 个字符"));
        }
        if (d.introduction() != null && d.introduction().length() > 2_000) {
            errors.add(new FieldError("introduction", "说明不超过 2000 个字符"));
        }
        if (d.questions().isEmpty() || d.questions().size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "问卷需要 1 至 " + MAX_QUESTIONS + " 道题"));
        }
        Map<String, Question> byCode = new LinkedHashMap<>();
        for (int i = 0; i < d.questions().size(); i++) {
            Question q = d.questions().get(i);
            String at = "questions[" + i + "]";
            if (q == null || q.code() == null || !CODE.matcher(q.code()).matches()) {
                errors.add(new FieldError(at + ".code", "题号必填（字母、数字、._-，不超过 32 个字符）"));
                continue;
            }
            if (byCode.put(q.code(), q) != null) {
                errors.add(new FieldError(at + ".code", "题号 " + q.code() + " 重复"));
            }
            if (q.text() == null || q.text().isBlank() || q.text().length() > 500) {
                errors.add(new FieldError(at + ".text", "题目必填，不超过 500 个字符"));
            }
            if (q.type() == null) {
                errors.add(new FieldError(at + ".type", "题型必须是 SATISFACTION、RATING 或 TEXT"));
            }
        }
        if (!d.questions().isEmpty() && d.questions().stream().allMatch(q -> q != null && q.type() == QuestionType.TEXT)) {
            errors.add(new FieldError("questions", "至少需要一道计分题（满意度或评分）"));
        }
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < d.respondentCategories().size(); i++) {
            RespondentCategory rc = d.respondentCategories().get(i);
            String at = "respondentCategories[" + i + "]";
            if (rc == null || rc.code() == null || !CODE.matcher(rc.code()).matches() || !categories.add(rc.code())) {
                errors.add(new FieldError(at + ".code", "评议对象类别代码必填且不重复"));
            } else if (rc.label() == null || rc.label().isBlank() || rc.label().length() > 50) {
                errors.add(new FieldError(at + ".label", "类别名称必填，不超过 50 个字符"));
            } else if (rc.quota() != null && rc.quota() < 1) {
                errors.add(new FieldError(at + ".quota", "配额必须是正整数"));
            }
        }
        if (d.minimumSample() != null && d.minimumSample() < 1) {
            errors.add(new FieldError("minimumSample", "最低样本量必须是正整数"));
        }
        if (d.openLink() && d.kind() == QuestionnaireKind.PEER_REVIEW) {
            errors.add(new FieldError("openLink", "部门互评只由单位用户登录填写，不能使用公开链接"));
        }
        if (d.targetUnitIds() != null) {
            if (d.targetUnitIds().isEmpty()) {
                errors.add(new FieldError("targetUnitIds", "评价对象不能为空（省略则为监管活动的全部对象）"));
            }
            if (c.targetUnitIds() != null) {
                d.targetUnitIds().stream().filter(u -> !c.targetUnitIds().contains(u)).findFirst().ifPresent(u ->
                        errors.add(new FieldError("targetUnitIds", "单位 " + u + " 不是本次监管活动的对象")));
            }
            if (new HashSet<>(d.targetUnitIds()).size() != d.targetUnitIds().size()) {
                errors.add(new FieldError("targetUnitIds", "评价对象重复"));
            }
        }
        Set<String> leaves = d.kind() == null ? Set.of() : leavesOf(caller, c, d.kind());
        for (int i = 0; i < d.bindings().size(); i++) {
            IndicatorBinding b = d.bindings().get(i);
            String at = "bindings[" + i + "]";
            if (b == null || b.indicatorCode() == null || b.conversion() == null) {
                errors.add(new FieldError(at, "必须指定指标代码和换算方式（SATISFACTION_RATE 或 MEAN_SCORE）"));
                continue;
            }
            if (d.kind() != null && !leaves.contains(b.indicatorCode())) {
                errors.add(new FieldError(at + ".indicatorCode", "指标 " + b.indicatorCode() + " 不是本活动所用指标体系中“"
                        + d.kind().category().label() + "”类别的末级指标"));
            }
            if (b.questionCode() != null) {
                Question q = byCode.get(b.questionCode());
                if (q == null || q.type() == QuestionType.TEXT) {
                    errors.add(new FieldError(at + ".questionCode", "题号 " + b.questionCode() + " 不是本问卷的计分题"));
                } else if (b.conversion() == cn.supervision.api.survey.Conversion.SATISFACTION_RATE && q.type() != QuestionType.SATISFACTION) {
                    errors.add(new FieldError(at + ".questionCode", "满意率只能由满意度题换算"));
                }
            } else if (b.conversion() == cn.supervision.api.survey.Conversion.SATISFACTION_RATE
                    && byCode.values().stream().noneMatch(q -> q.type() == QuestionType.SATISFACTION)) {
                errors.add(new FieldError(at + ".conversion", "问卷没有满意度题，不能换算满意率"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("问卷定义有 " + errors.size() + " 处问题", errors);
        }
        return d;
    }

    /** Leaves of the questionnaire's category in the systems the campaign pins. */
    private Set<String> leavesOf(Caller caller, Campaign c, QuestionnaireKind kind) {
        Set<String> codes = new HashSet<>();
        for (Long systemId : new LinkedHashSet<>(c.systems().values())) {
            Deque<Indicator> pending = new ArrayDeque<>(systems.get(caller, systemId).definition().indicators());
            while (!pending.isEmpty()) {
                Indicator n = pending.pop();
                if (n.leaf() && n.category() == kind.category()) {
                    codes.add(n.code());
                }
                pending.addAll(n.children());
            }
        }
        return codes;
    }
}
