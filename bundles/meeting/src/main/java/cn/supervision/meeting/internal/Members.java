package cn.supervision.meeting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.meeting.Membership;
import cn.supervision.api.meeting.MembershipDraft;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.meeting.internal.model.MemberEntity;

/**
 * The member departments of a jurisdiction's joint meeting over time: a department in use joins (once at a time),
 * its contacts are kept current, and it leaves on a day no later than today; former members stay listed on request.
 */
final class Members {
    // the service's logger, so the log configuration that watched the members before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaMeetingService.class);

    private final JpaTemplate jpa;
    private final MeetingAccess access;
    private final Collaborators services;
    private final Rows rows;
    private final Values values;
    private final StoredJson json;
    private final MeetingClock clock;

    Members(JpaTemplate jpa, MeetingAccess access, Collaborators services, Rows rows, Values values, StoredJson json,
            MeetingClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.services = services;
        this.rows = rows;
        this.values = values;
        this.json = json;
        this.clock = clock;
    }

    List<Membership> list(Caller caller, String jurisdictionCode, boolean includeFormer) {
        access.require(caller, Operation.READ_MEETINGS, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select m from MemberEntity m where m.jurisdictionCode = :j"
                        + (includeFormer ? "" : " and m.leftOn is null") + " order by m.departmentCode, m.joinedOn, m.id", MemberEntity.class)
                .setParameter("j", jurisdictionCode).getResultList()).stream().map(values::membership).toList();
    }

    Membership join(Caller caller, String jurisdictionCode, MembershipDraft draft) {
        access.require(caller, Operation.MANAGE_MEETINGS, jurisdictionCode);
        if (draft == null) {
            throw SupervisionException.invalid("departmentCode", "缺少成员单位信息");
        }
        List<FieldError> errors = new ArrayList<>();
        String code = Checks.trim(draft.departmentCode());
        LocalDate today = clock.today();
        LocalDate joined = draft.joinedOn() == null ? today : draft.joinedOn();
        if (joined.isAfter(today)) {
            errors.add(new FieldError("joinedOn", "加入日期 " + joined + " 晚于今天（" + today + "）"));
        }
        Checks.contacts(errors, "contacts", draft.contacts());
        Department department = null;
        if (Checks.blank(code)) {
            errors.add(new FieldError("departmentCode", "必须填写协作部门代码"));
        } else {
            department = services.departments().find(jurisdictionCode, code).filter(Department::active).orElse(null);
            if (department == null) {
                errors.add(new FieldError("departmentCode", "部门 " + code + " 不是行政区划 " + jurisdictionCode + " 在用的协作部门"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("成员单位有 " + errors.size() + " 处错误", errors);
        }
        String name = department.name();
        long now = clock.millis();
        MemberEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            Rows.lockMembership(em, jurisdictionCode, code);
            long current = em.createQuery("select count(m) from MemberEntity m where m.jurisdictionCode = :j and m.departmentCode = :c"
                            + " and m.leftOn is null", Long.class)
                    .setParameter("j", jurisdictionCode).setParameter("c", code).getSingleResult();
            if (current > 0) {
                throw SupervisionException.conflict(name + "（" + code + "）已是联席会议成员单位");
            }
            MemberEntity e = new MemberEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setDepartmentCode(code);
            e.setDepartmentName(name);
            e.setContactsJson(json.write(cleanContacts(draft.contacts())));
            e.setJoinedOn(joined.toString());
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            em.persist(e);
            return e;
        });
        LOG.info("{} joined the joint meeting of {} ({})", code, jurisdictionCode, caller.username());
        return values.membership(saved);
    }

    Membership updateContacts(Caller caller, long membershipId, List<Department.Contact> contacts) {
        MemberEntity current = rows.member(membershipId);
        access.require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        List<FieldError> errors = new ArrayList<>();
        Checks.contacts(errors, "contacts", contacts);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("联系人有 " + errors.size() + " 处错误", errors);
        }
        long now = clock.millis();
        return values.membership(jpa.txExpr(TransactionType.Required, em -> {
            Rows.lockMembership(em, current.getJurisdictionCode(), current.getDepartmentCode());
            MemberEntity e = Rows.member(em, membershipId);
            requireCurrent(e);
            e.setContactsJson(json.write(cleanContacts(contacts)));
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return e;
        }));
    }

    Membership leave(Caller caller, long membershipId, LocalDate leftOn, String reason) {
        MemberEntity current = rows.member(membershipId);
        access.require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        LocalDate today = clock.today();
        LocalDate left = leftOn == null ? today : leftOn;
        List<FieldError> errors = new ArrayList<>();
        if (left.isAfter(today)) {
            errors.add(new FieldError("leftOn", "退出日期 " + left + " 晚于今天（" + today + "）"));
        } else if (left.isBefore(LocalDate.parse(current.getJoinedOn()))) {
            errors.add(new FieldError("leftOn", "退出日期 " + left + " 早于加入日期 " + current.getJoinedOn()));
        }
        Checks.optionalText(errors, "reason", reason, "退出原因", Checks.MAX_REASON);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("退出有 " + errors.size() + " 处错误", errors);
        }
        long now = clock.millis();
        Membership out = values.membership(jpa.txExpr(TransactionType.Required, em -> {
            Rows.lockMembership(em, current.getJurisdictionCode(), current.getDepartmentCode());
            MemberEntity e = Rows.member(em, membershipId);
            requireCurrent(e);
            e.setLeftOn(left.toString());
            e.setLeaveReason(Checks.blank(reason) ? null : reason.trim());
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return e;
        }));
        LOG.info("{} left the joint meeting of {} on {} ({})", out.departmentCode(), out.jurisdictionCode(), left, caller.username());
        return out;
    }

    private static void requireCurrent(MemberEntity e) {
        if (e.getLeftOn() != null) {
            throw SupervisionException.conflict(e.getDepartmentName() + "已于 " + e.getLeftOn() + " 退出联席会议");
        }
    }

    private static List<Department.Contact> cleanContacts(List<Department.Contact> contacts) {
        return contacts.stream().map(c -> new Department.Contact(c.name().trim(), Checks.blank(c.title()) ? null : c.title().trim(),
                c.phone().trim())).toList();
    }
}
