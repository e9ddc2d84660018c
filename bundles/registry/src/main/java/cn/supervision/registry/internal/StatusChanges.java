package cn.supervision.registry.internal;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * Merging, abolishing and restoring units. A unit is never deleted: its status changes with a stated reason, and a
 * merge names the active unit it went into, which the caller must be able to see.
 */
final class StatusChanges {
    private final UnitRecords records;

    StatusChanges(UnitRecords records) {
        this.records = records;
    }

    /** The command's trimmed reason once the command is complete and consistent. */
    static String checkedReason(StatusCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.status() == null) {
            errors.add(new FieldError("status", "必填（ACTIVE、MERGED、ABOLISHED）"));
        }
        String reason = command == null || command.reason() == null ? "" : command.reason().trim();
        if (reason.isEmpty()) {
            errors.add(new FieldError("reason", "必须说明变更理由"));
        } else if (reason.length() > UnitCommands.MAX_REASON) {
            errors.add(new FieldError("reason", "长度不能超过 " + UnitCommands.MAX_REASON + " 个字符"));
        }
        if (command != null && command.status() == UnitStatus.MERGED && command.successorUnitId() == null) {
            errors.add(new FieldError("successorUnitId", "合并时必须指定并入的单位"));
        }
        if (command != null && command.status() != UnitStatus.MERGED && command.successorUnitId() != null) {
            errors.add(new FieldError("successorUnitId", "只有合并时才能指定并入的单位"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("状态变更请求无效", errors);
        }
        return reason;
    }

    Unit change(EntityManager em, Access a, Caller caller, long unitId, StatusCommand command, String reason) {
        UnitEntity e = UnitRecords.find(em, unitId);
        JpaRegistryService.requireSee(a, caller, UnitRecords.toUnit(e));
        a.require(caller, Operation.ADMINISTER_REGISTRY, e.getJurisdictionCode());
        if (e.getStatus() == command.status()) {
            throw SupervisionException.conflict("单位已经是“" + e.getStatus().label() + "”状态");
        }
        if (command.successorUnitId() != null) {
            UnitEntity successor = em.find(UnitEntity.class, command.successorUnitId());
            if (successor == null || successor.getId() == unitId || successor.getStatus() != UnitStatus.ACTIVE
                    || !a.may(caller, Operation.READ_REGISTRY, successor.getJurisdictionCode())) {
                throw SupervisionException.invalid("successorUnitId", "并入的单位必须是当前用户可见的另一个存续单位");
            }
        }
        e.setStatus(command.status());
        records.touch(e, caller);
        return records.recordRevision(em, e, UnitChange.STATUS_CHANGED, reason, command.successorUnitId());
    }
}
