package cn.supervision.proposal.internal;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.proposal.ChangeKind;
import cn.supervision.api.proposal.ProposalChange;
import cn.supervision.api.proposal.ProposalDraft;

/** The shape of a draft, before any unit or finding is looked up: every problem named by its field. */
final class ChangeChecker {
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 2_000;
    static final int MAX_CHANGES = 200;
    static final Set<String> SLOT_KINDS = Set.of("ADMINISTRATIVE", "INSTITUTIONAL");

    private ChangeChecker() {
    }

    static List<FieldError> check(ProposalDraft d, Year thisYear) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new FieldError("body", "必须提交处理意见内容"));
            return errors;
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > MAX_TITLE) {
            errors.add(new FieldError("title", "必须填写标题（不超过 " + MAX_TITLE + " 个字符）"));
        }
        if (d.rationale() != null && d.rationale().length() > 20_000) {
            errors.add(new FieldError("rationale", "理由不能超过 20000 个字符"));
        }
        if (d.findingIds() == null || d.findingIds().isEmpty()) {
            errors.add(new FieldError("findingIds", "处理意见必须以至少一个问题为依据"));
        } else if (d.findingIds().stream().anyMatch(java.util.Objects::isNull)
                || d.findingIds().stream().distinct().count() != d.findingIds().size()) {
            errors.add(new FieldError("findingIds", "问题编号重复或为空"));
        }
        if (d.changes() == null || d.changes().isEmpty()) {
            errors.add(new FieldError("changes", "至少提出一项调整"));
            return errors;
        }
        if (d.changes().size() > MAX_CHANGES) {
            errors.add(new FieldError("changes", "一份处理意见最多 " + MAX_CHANGES + " 项调整"));
            return errors;
        }
        for (int i = 0; i < d.changes().size(); i++) {
            check(d.changes().get(i), "changes[" + i + "]", thisYear, errors);
        }
        return errors;
    }

    private static void check(ProposalChange c, String p, Year thisYear, List<FieldError> errors) {
        if (c == null || c.kind() == null) {
            errors.add(new FieldError(p + ".kind", "必须指定调整类型（" + String.join("、", names()) + "）"));
            return;
        }
        switch (c.kind()) {
            case MOVE_DUTY, CLARIFY_DUTY -> {
                if (c.dutyNumber() == null) {
                    errors.add(new FieldError(p + ".dutyNumber", "必须指定职责序号"));
                }
                if (c.otherUnitId() == null) {
                    errors.add(new FieldError(p + ".otherUnitId", c.kind() == ChangeKind.MOVE_DUTY ? "必须指定承接职责的单位" : "必须指定厘清边界的另一单位"));
                } else if (c.otherUnitId() == c.unitId()) {
                    errors.add(new FieldError(p + ".otherUnitId", "另一单位不能是本单位"));
                }
                if (c.kind() == ChangeKind.CLARIFY_DUTY && blank(c.text())) {
                    errors.add(new FieldError(p + ".text", "必须写明厘清后的职责表述"));
                }
                if (c.text() != null && c.text().length() > MAX_TEXT) {
                    errors.add(new FieldError(p + ".text", "职责表述不能超过 " + MAX_TEXT + " 个字符"));
                }
            }
            case ADD_INTERNAL_BODY, REMOVE_INTERNAL_BODY -> {
                if (blank(c.internalBody()) || c.internalBody().length() > 100) {
                    errors.add(new FieldError(p + ".internalBody", "必须填写内设机构名称（不超过 100 个字符）"));
                }
            }
            case SET_STAFFING -> {
                if (c.staffing() == null) {
                    errors.add(new FieldError(p + ".staffing", "必须填写调整后的核定编制"));
                } else if (c.staffing().administrativeSlots() < 0 || c.staffing().institutionalSlots() < 0
                        || c.staffing().leadershipPosts() < 0) {
                    errors.add(new FieldError(p + ".staffing", "编制数和领导职数不能为负数"));
                }
            }
            case INTAKE_PLAN -> {
                if (c.slotKind() == null || !SLOT_KINDS.contains(c.slotKind())) {
                    errors.add(new FieldError(p + ".slotKind", "编制类型应为 ADMINISTRATIVE（行政）或 INSTITUTIONAL（事业）"));
                }
                if (c.count() == null || c.count() <= 0 || c.count() > 10_000) {
                    errors.add(new FieldError(p + ".count", "进人数量应为正整数"));
                }
                if (c.year() == null || c.year() < thisYear.getValue() || c.year() > thisYear.getValue() + 5) {
                    errors.add(new FieldError(p + ".year", "计划年度应在 " + thisYear + "–" + (thisYear.getValue() + 5) + " 之间"));
                }
            }
            default -> throw new IllegalStateException("unhandled change kind " + c.kind());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> names() {
        return java.util.Arrays.stream(ChangeKind.values()).map(Enum::name).toList();
    }
}
