package cn.supervision.cooperation.internal;

import static cn.supervision.cooperation.internal.Inputs.blankToNull;
import static cn.supervision.cooperation.internal.Inputs.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;

/** Every problem of a department's form at once (400), and the contacts as they are stored. */
final class DepartmentDraftCheck {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{3,30}");

    private DepartmentDraftCheck() {
    }

    /** {@code fixedCode}: the registered code when updating (it may be left out, not changed), null when registering. */
    static void check(DepartmentDraft draft, String fixedCode) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 code、name、kind");
        }
        List<FieldError> errors = new ArrayList<>();
        String code = draft.code() == null ? "" : draft.code().trim();
        if (fixedCode == null && !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "部门代码必填，由字母、数字和 - 组成，不超过 32 个字符"));
        } else if (fixedCode != null && !code.isEmpty() && !code.equals(fixedCode)) {
            errors.add(new FieldError("code", "部门代码（" + fixedCode + "）登记后不能修改：部门用户按代码绑定"));
        }
        text(errors, "name", draft.name(), 100, true);
        if (draft.kind() == null) {
            errors.add(new FieldError("kind", "必填"));
        }
        List<Department.Contact> contacts = draft.contacts() == null ? List.of() : draft.contacts();
        if (contacts.size() > 20) {
            errors.add(new FieldError("contacts", "联系人不超过 20 个"));
        }
        for (int i = 0; i < contacts.size() && i < 20; i++) {
            Department.Contact c = contacts.get(i);
            if (c == null) {
                errors.add(new FieldError("contacts[" + i + "]", "不能为空"));
                continue;
            }
            text(errors, "contacts[" + i + "].name", c.name(), 50, true);
            text(errors, "contacts[" + i + "].title", c.title(), 50, false);
            if (c.phone() != null && !c.phone().isBlank() && !PHONE.matcher(c.phone().trim()).matches()) {
                errors.add(new FieldError("contacts[" + i + "].phone", "电话号码格式不正确"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("协作部门信息无效", errors);
        }
    }

    /** Of a checked draft. */
    static List<Department.Contact> contacts(DepartmentDraft draft) {
        return draft.contacts() == null ? List.of() : draft.contacts().stream()
                .map(c -> new Department.Contact(c.name().trim(), blankToNull(c.title()), blankToNull(c.phone()))).toList();
    }
}
