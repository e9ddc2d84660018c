package cn.supervision.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;

/**
 * The shape of an instruction and of its tasks, checked before anything is written (400 naming each field). Whether
 * the owners exist is the task service's to say (it refuses all or none).
 */
final class InstructionChecks {
    static final int MAX_TEXT = 2_000;
    static final int MAX_TASK_TITLE = 200;
    static final int MAX_TASK_DETAIL = 2_000;
    static final int MAX_TASKS = 50;

    private InstructionChecks() {
    }

    /** The trimmed text; {@code date} (may be null when {@code defaultDate} is given) not after today. */
    static String text(String text, List<FieldError> errors) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "批示内容必填，不超过 " + MAX_TEXT + " 字"));
        }
        return t;
    }

    static void date(LocalDate date, LocalDate today, List<FieldError> errors) {
        if (date == null) {
            errors.add(new FieldError("date", "批示日期必填"));
        } else if (date.isAfter(today)) {
            errors.add(new FieldError("date", "批示日期不能晚于今天（" + today + "）"));
        }
    }

    /** The tasks as drafted (never null), each field checked; {@code prefix} is "tasks". */
    static List<TaskDraft> tasks(List<TaskDraft> drafts, LocalDate today, String prefix, List<FieldError> errors) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_TASKS) {
            errors.add(new FieldError(prefix, "一次最多交办 " + MAX_TASKS + " 项"));
            return List.of();
        }
        List<TaskDraft> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            TaskDraft d = drafts.get(i);
            String at = prefix + "[" + i + "]";
            if (d == null) {
                errors.add(new FieldError(at, "不能为空"));
                continue;
            }
            String title = d.title() == null ? "" : d.title().trim();
            if (title.isEmpty() || title.length() > MAX_TASK_TITLE) {
                errors.add(new FieldError(at + ".title", "任务名称必填，不超过 " + MAX_TASK_TITLE + " 字"));
            }
            if (d.detail() != null && d.detail().length() > MAX_TASK_DETAIL) {
                errors.add(new FieldError(at + ".detail", "不超过 " + MAX_TASK_DETAIL + " 字"));
            }
            if (d.ownerKind() == null) {
                errors.add(new FieldError(at + ".ownerKind", "承办方类型必填（UNIT、DEPARTMENT、OFFICE）"));
            } else if (d.ownerKind() != OwnerKind.OFFICE && (d.ownerCode() == null || d.ownerCode().isBlank())) {
                errors.add(new FieldError(at + ".ownerCode", "须指定承办" + d.ownerKind().label() + "的代码"));
            }
            if (d.deadline() == null) {
                errors.add(new FieldError(at + ".deadline", "办结时限必填"));
            } else if (d.deadline().isBefore(today)) {
                errors.add(new FieldError(at + ".deadline", "办结时限不能早于今天（" + today + "）"));
            }
            out.add(new TaskDraft(title, d.detail() == null || d.detail().isBlank() ? null : d.detail().trim(), d.ownerKind(),
                    d.ownerKind() == OwnerKind.OFFICE || d.ownerCode() == null ? null : d.ownerCode().trim(), d.deadline()));
        }
        return out;
    }

    static void raise(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(what + "有 " + errors.size() + " 处错误", errors);
        }
    }
}
