package cn.supervision.meeting.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.meeting.AgendaItemDraft;
import cn.supervision.api.meeting.AgendaLinkKind;
import cn.supervision.api.meeting.AttendanceDraft;
import cn.supervision.api.meeting.AttendeeDraft;
import cn.supervision.api.meeting.DecisionDraft;
import cn.supervision.api.meeting.MeetingDraft;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;

/** The shape of what callers send, checked before anything is looked up or written; every problem is named by field. */
final class Checks {
    static final int MAX_TITLE = 200;
    /** The minutes document's title is the meeting's and 纪要, within the document service's 200. */
    static final int MAX_MEETING_TITLE = 100;
    static final int MAX_NAME = 64;
    static final int MAX_AGENDA = 50;
    static final int MAX_CONTACTS = 20;
    static final int MAX_ATTENDEES = 300;
    static final int MAX_MINUTES = 20_000;
    static final int MAX_DECISION = 2_000;
    static final int MAX_TASKS = 20;
    static final int MAX_REASON = 500;
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,32}");

    private Checks() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** A title cut to {@link #MAX_TITLE} characters, its last one an ellipsis when cut. */
    static String clip(String s) {
        return s == null || s.length() <= MAX_TITLE ? s : s.substring(0, MAX_TITLE - 1) + "…";
    }

    /** Required text of at most {@code max} characters. */
    static void text(List<FieldError> errors, String field, String value, String what, int max) {
        if (blank(value)) {
            errors.add(new FieldError(field, "必须填写" + what));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, what + "不能超过 " + max + " 个字符"));
        }
    }

    static void optionalText(List<FieldError> errors, String field, String value, String what, int max) {
        if (value != null && value.trim().length() > max) {
            errors.add(new FieldError(field, what + "不能超过 " + max + " 个字符"));
        }
    }

    static void contacts(List<FieldError> errors, String field, List<Department.Contact> contacts) {
        if (contacts == null || contacts.isEmpty()) {
            errors.add(new FieldError(field, "至少填写一名联系人"));
            return;
        }
        if (contacts.size() > MAX_CONTACTS) {
            errors.add(new FieldError(field, "联系人不能超过 " + MAX_CONTACTS + " 名"));
            return;
        }
        for (int i = 0; i < contacts.size(); i++) {
            Department.Contact c = contacts.get(i);
            String at = field + "[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(at, "联系人不能为空"));
                continue;
            }
            text(errors, at + ".name", c.name(), "联系人姓名", MAX_NAME);
            optionalText(errors, at + ".title", c.title(), "职务", MAX_NAME);
            if (blank(c.phone())) {
                errors.add(new FieldError(at + ".phone", "必须填写联系电话"));
            } else if (!PHONE.matcher(c.phone().trim()).matches()) {
                errors.add(new FieldError(at + ".phone", "联系电话“" + c.phone() + "”格式不正确"));
            }
        }
    }

    static void meeting(List<FieldError> errors, MeetingDraft d, LocalDate today) {
        text(errors, "title", d.title(), "会议名称", MAX_MEETING_TITLE);
        text(errors, "location", d.location(), "会议地点", MAX_TITLE);
        text(errors, "host", d.host(), "主持人", MAX_NAME);
        LocalDateTime at = d.startsAt();
        if (at == null) {
            errors.add(new FieldError("startsAt", "必须填写会议时间"));
        } else if (at.toLocalDate().isBefore(today)) {
            errors.add(new FieldError("startsAt", "会议时间 " + at + " 早于今天（" + today + "）"));
        }
        List<AgendaItemDraft> agenda = d.agenda();
        if (agenda == null || agenda.isEmpty()) {
            errors.add(new FieldError("agenda", "至少列出一项议题"));
            return;
        }
        if (agenda.size() > MAX_AGENDA) {
            errors.add(new FieldError("agenda", "议题不能超过 " + MAX_AGENDA + " 项"));
            return;
        }
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItemDraft item = agenda.get(i);
            String at2 = "agenda[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(at2, "议题不能为空"));
                continue;
            }
            AgendaLinkKind kind = item.kind() == null ? AgendaLinkKind.NONE : item.kind();
            if (kind == AgendaLinkKind.NONE) {
                text(errors, at2 + ".title", item.title(), "议题名称", MAX_TITLE);
                if (item.refId() != null) {
                    errors.add(new FieldError(at2 + ".refId", "未指定关联类型（kind）时不能填写关联编号"));
                }
            } else {
                optionalText(errors, at2 + ".title", item.title(), "议题名称", MAX_TITLE);
                if (item.refId() == null || item.refId() <= 0) {
                    errors.add(new FieldError(at2 + ".refId", "关联" + kind.label() + "时必须填写其编号"));
                }
                if (kind == AgendaLinkKind.SPECIAL_REPORT && blank(item.title())) {
                    errors.add(new FieldError(at2 + ".title", "关联监管专报的议题必须填写名称"));
                }
            }
        }
    }

    /** The attendance's shape against the invited departments (codes); attendees only from departments present. */
    static void attendance(List<FieldError> errors, AttendanceDraft a, Set<String> invited) {
        Set<String> present = new HashSet<>();
        List<String> codes = a.presentDepartments() == null ? List.of() : a.presentDepartments();
        for (int i = 0; i < codes.size(); i++) {
            String code = trim(codes.get(i));
            String at = "presentDepartments[" + i + "]";
            if (blank(code)) {
                errors.add(new FieldError(at, "部门代码不能为空"));
            } else if (!invited.contains(code)) {
                errors.add(new FieldError(at, "部门 " + code + " 不是本次会议邀请的成员单位"));
            } else if (!present.add(code)) {
                errors.add(new FieldError(at, "部门 " + code + " 重复"));
            }
        }
        List<AttendeeDraft> people = a.attendees();
        if (people == null || people.isEmpty()) {
            errors.add(new FieldError("attendees", "至少记录一名参会人员"));
            return;
        }
        if (people.size() > MAX_ATTENDEES) {
            errors.add(new FieldError("attendees", "参会人员不能超过 " + MAX_ATTENDEES + " 名"));
            return;
        }
        for (int i = 0; i < people.size(); i++) {
            AttendeeDraft p = people.get(i);
            String at = "attendees[" + i + "]";
            if (p == null) {
                errors.add(new FieldError(at, "参会人员不能为空"));
                continue;
            }
            text(errors, at + ".name", p.name(), "参会人员姓名", MAX_NAME);
            String code = trim(p.departmentCode());
            if (!blank(code) && !present.contains(code)) {
                errors.add(new FieldError(at + ".departmentCode", invited.contains(code)
                        ? "部门 " + code + " 未记为出席，不能有参会人员" : "部门 " + code + " 不是本次会议邀请的成员单位"));
            }
        }
    }

    /** A decision's text and its tasks' shape; owners are looked up afterwards. */
    static void decision(List<FieldError> errors, DecisionDraft d, LocalDate today) {
        text(errors, "text", d.text(), "决定事项", MAX_DECISION);
        List<TaskDraft> tasks = d.tasks();
        if (tasks == null || tasks.isEmpty()) {
            errors.add(new FieldError("tasks", "每项决定至少分解为一项督办任务"));
            return;
        }
        if (tasks.size() > MAX_TASKS) {
            errors.add(new FieldError("tasks", "一项决定的任务不能超过 " + MAX_TASKS + " 项"));
            return;
        }
        for (int i = 0; i < tasks.size(); i++) {
            TaskDraft t = tasks.get(i);
            String at = "tasks[" + i + "]";
            if (t == null) {
                errors.add(new FieldError(at, "任务不能为空"));
                continue;
            }
            optionalText(errors, at + ".title", t.title(), "任务名称", MAX_TITLE);
            optionalText(errors, at + ".detail", t.detail(), "任务说明", MAX_DECISION);
            if (t.ownerKind() == null) {
                errors.add(new FieldError(at + ".ownerKind", "必须指定责任方类型（UNIT、DEPARTMENT 或 OFFICE）"));
            } else if (t.ownerKind() == OwnerKind.OFFICE) {
                if (!blank(t.ownerCode())) {
                    errors.add(new FieldError(at + ".ownerCode", "责任方为机构编制部门时不填代码"));
                }
            } else if (blank(t.ownerCode())) {
                errors.add(new FieldError(at + ".ownerCode", "必须填写责任" + t.ownerKind().label() + "的代码"));
            }
            if (t.deadline() == null) {
                errors.add(new FieldError(at + ".deadline", "必须填写完成期限"));
            } else if (t.deadline().isBefore(today)) {
                errors.add(new FieldError(at + ".deadline", "完成期限 " + t.deadline() + " 已过（今天是 " + today + "）"));
            }
        }
    }
}
