package cn.supervision.registry.internal;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/**
 * What a caller may see and change. A caller's scope is the jurisdiction it is bound to and everything
 * below it; a unit-bound caller (UNIT_USER) sees only its own unit. Only administrators change data.
 */
final class Authority {
    private final JurisdictionTree tree;

    Authority(JurisdictionTree tree) {
        this.tree = tree;
    }

    boolean canSee(Caller caller, String jurisdictionCode) {
        return caller.isSystem() || (caller.jurisdictionCode() != null && tree.within(jurisdictionCode, caller.jurisdictionCode()));
    }

    /** 404 for a code that does not exist, 403 for one outside the caller's scope. */
    void requireSee(Caller caller, String jurisdictionCode) {
        if (tree.get(jurisdictionCode) == null) {
            throw SupervisionException.notFound("行政区划代码 " + jurisdictionCode + " 不存在");
        }
        if (!canSee(caller, jurisdictionCode)) {
            throw SupervisionException.forbidden("无权访问行政区划 " + jurisdictionCode + " 的数据");
        }
    }

    void requireAdminister(Caller caller, String jurisdictionCode) {
        requireSee(caller, jurisdictionCode);
        if (!caller.administers() || caller.unitCode() != null) {
            throw SupervisionException.forbidden("当前用户无权修改行政区划 " + jurisdictionCode + " 的单位信息");
        }
    }

    boolean canSee(Caller caller, Unit unit) {
        if (!canSee(caller, unit.jurisdictionCode())) {
            return false;
        }
        return caller.unitCode() == null
                || (caller.unitCode().equals(unit.code()) && caller.jurisdictionCode().equals(unit.jurisdictionCode()));
    }

    void requireSee(Caller caller, Unit unit) {
        if (!canSee(caller, unit)) {
            throw SupervisionException.forbidden("无权访问单位 " + unit.id());
        }
    }
}
