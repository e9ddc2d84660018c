package cn.supervision.cooperation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.FieldError;
import cn.supervision.cooperation.internal.model.DepartmentEntity;

/**
 * The departments a share or a referral is sent to. Only an active department of the sending jurisdiction receives
 * anything; each one that is not is a field error, so the sender sees every wrong addressee at once.
 */
final class Addressees {
    private final JpaTemplate jpa;

    Addressees(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** The departments named by id, each checked to be an active department of {@code j} (field errors otherwise). */
    List<DepartmentEntity> of(String j, List<Long> ids, String field, List<FieldError> errors) {
        List<DepartmentEntity> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String f = field + (ids.size() > 1 || field.endsWith("s") ? "[" + i + "]" : "");
            if (id == null || !seen.add(id)) {
                errors.add(new FieldError(f, id == null ? "不能为空" : "重复的部门"));
                continue;
            }
            DepartmentEntity d = jpa.txExpr(TransactionType.Supports, em -> em.find(DepartmentEntity.class, id));
            if (d == null) {
                errors.add(new FieldError(f, "协作部门 " + id + " 不存在"));
            } else if (!d.getJurisdictionCode().equals(j)) {
                errors.add(new FieldError(f, "协作部门 " + d.getName() + " 属于行政区划 " + d.getJurisdictionCode() + "，不是 " + j + " 的协作部门"));
            } else if (!d.isActive()) {
                errors.add(new FieldError(f, "协作部门 " + d.getName() + " 已停用，不能再向其发送"));
            } else {
                found.add(d);
            }
        }
        return found;
    }
}
