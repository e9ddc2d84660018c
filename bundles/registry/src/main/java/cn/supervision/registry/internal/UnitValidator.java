package cn.supervision.registry.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.UnitDraft;

/** Checks a unit draft and reports every problem at once, each with its field path. */
final class UnitValidator {
    static final int MAX_CODE = 32;
    static final int MAX_NAME = 100;
    static final int MAX_SHORT_NAME = 30;
    static final int MAX_DUTY_TEXT = 2_000;
    static final int MAX_DUTIES = 200;
    static final int MAX_LINKS = 20;
    static final int MAX_BODY_NAME = 100;
    static final int MAX_BODIES = 200;
    static final int MAX_SLOTS = 100_000;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private UnitValidator() {
    }

    static List<FieldError> validate(UnitDraft d, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix, "缺少单位信息"));
            return errors;
        }
        String p = prefix.isEmpty() ? "" : prefix + ".";
        text(errors, p + "code", d.code(), true, MAX_CODE);
        if (d.code() != null && !d.code().isBlank() && d.code().length() <= MAX_CODE && !CODE.matcher(d.code()).matches()) {
            errors.add(new FieldError(p + "code", "编码只能包含字母、数字、点、下划线和连字符"));
        }
        text(errors, p + "name", d.name(), true, MAX_NAME);
        text(errors, p + "shortName", d.shortName(), false, MAX_SHORT_NAME);
        if (d.kind() == null) {
            errors.add(new FieldError(p + "kind", "必须填写单位类别（PARTY_ORGAN、GOVERNMENT_DEPARTMENT、PUBLIC_INSTITUTION、OTHER）"));
        }
        if (d.parentUnitId() != null && d.parentUnitCode() != null) {
            errors.add(new FieldError(p + "parentUnitId", "上级单位只能用 parentUnitId 或 parentUnitCode 之一指定"));
        }
        Mandate m = d.mandate();
        if (m != null) {
            mandate(errors, p + "mandate", m);
        }
        return errors;
    }

    private static void mandate(List<FieldError> errors, String p, Mandate m) {
        if (m.duties().size() > MAX_DUTIES) {
            errors.add(new FieldError(p + ".duties", "主要职责不能超过 " + MAX_DUTIES + " 条"));
        }
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < m.duties().size() && i < MAX_DUTIES; i++) {
            Duty duty = m.duties().get(i);
            String f = p + ".duties[" + i + "]";
            if (duty == null) {
                errors.add(new FieldError(f, "职责不能为空"));
                continue;
            }
            if (duty.number() < 1) {
                errors.add(new FieldError(f + ".number", "职责序号必须是正整数"));
            } else if (!numbers.add(duty.number())) {
                errors.add(new FieldError(f + ".number", "职责序号 " + duty.number() + " 重复"));
            }
            text(errors, f + ".text", duty.text(), true, MAX_DUTY_TEXT);
            links(errors, f + ".links", duty);
        }
        if (m.internalBodies().size() > MAX_BODIES) {
            errors.add(new FieldError(p + ".internalBodies", "内设机构不能超过 " + MAX_BODIES + " 个"));
        }
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < m.internalBodies().size() && i < MAX_BODIES; i++) {
            String body = m.internalBodies().get(i);
            String f = p + ".internalBodies[" + i + "]";
            text(errors, f, body, true, MAX_BODY_NAME);
            if (body != null && !body.isBlank() && !bodies.add(body.trim())) {
                errors.add(new FieldError(f, "内设机构“" + body + "”重复"));
            }
        }
        Staffing s = m.staffing();
        slots(errors, p + ".staffing.administrativeSlots", s.administrativeSlots());
        slots(errors, p + ".staffing.institutionalSlots", s.institutionalSlots());
        slots(errors, p + ".staffing.leadershipPosts", s.leadershipPosts());
    }

    private static void links(List<FieldError> errors, String f, Duty duty) {
        if (duty.links().size() > MAX_LINKS) {
            errors.add(new FieldError(f, "每条职责最多关联 " + MAX_LINKS + " 条其他单位的职责"));
            return;
        }
        for (int k = 0; k < duty.links().size(); k++) {
            DutyLink l = duty.links().get(k);
            String lf = f + "[" + k + "]";
            if (l == null) {
                errors.add(new FieldError(lf, "关联不能为空"));
            } else if (l.dutyId() == null && (l.unitCode() == null || l.unitCode().isBlank() || l.dutyNumber() < 1)) {
                errors.add(new FieldError(lf, "必须指定关联的单位编码和职责序号"));
            } else if (l.unitCode() != null && l.unitCode().length() > MAX_CODE) {
                errors.add(new FieldError(lf + ".unitCode", "长度不能超过 " + MAX_CODE + " 个字符"));
            }
        }
    }

    private static void slots(List<FieldError> errors, String field, int value) {
        if (value < 0 || value > MAX_SLOTS) {
            errors.add(new FieldError(field, "编制数必须在 0 到 " + MAX_SLOTS + " 之间"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "必填"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "长度不能超过 " + max + " 个字符（当前 " + value.length() + "）"));
        }
    }

    /** The draft with text trimmed and empty optional values as null, so that stored data is canonical. */
    static UnitDraft normalize(UnitDraft d) {
        Mandate m = d.mandate() == null ? Mandate.EMPTY : d.mandate();
        List<Duty> duties = m.duties().stream().map(x -> new Duty(x.id(), x.number(), x.text().trim(), x.type(),
                        x.links().stream().map(l -> new DutyLink(blankToNull(l.unitCode()), l.dutyNumber(), l.dutyId(),
                                l.role())).toList()))
                .sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
        List<String> bodies = m.internalBodies().stream().map(String::trim).toList();
        return new UnitDraft(d.code().trim(), d.name().trim(), blankToNull(d.shortName()), d.kind(), d.parentUnitId(),
                blankToNull(d.parentUnitCode()), new Mandate(duties, bodies, m.staffing()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
