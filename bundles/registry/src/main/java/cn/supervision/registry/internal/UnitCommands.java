package cn.supervision.registry.internal;

import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * Creating and editing one unit inside the caller's transaction: the code stays unique in its jurisdiction, only an
 * active unit is edited, and the mandate's duties go through the ledger so that each keeps its id across edits.
 */
final class UnitCommands {
    static final int MAX_REASON = 500;

    private final UnitRecords records;
    private final DutyLedger ledger;

    UnitCommands(UnitRecords records, DutyLedger ledger) {
        this.records = records;
        this.ledger = ledger;
    }

    static UnitDraft checked(UnitDraft draft) {
        List<FieldError> errors = UnitValidator.validate(draft, "");
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("单位信息有 " + errors.size() + " 处错误", errors);
        }
        return UnitValidator.normalize(draft);
    }

    /** The trimmed reason, or null for none; too long is refused before any transaction. */
    static String reason(String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (why != null && why.length() > MAX_REASON) {
            throw SupervisionException.invalid("reason", "长度不能超过 " + MAX_REASON + " 个字符");
        }
        return why;
    }

    Unit create(EntityManager em, Caller caller, String jurisdictionCode, UnitDraft d) {
        if (UnitRecords.findByCode(em, jurisdictionCode, d.code()) != null) {
            throw UnitRecords.duplicateCode(d.code(), "code");
        }
        UnitEntity e = records.newUnit(jurisdictionCode, caller);
        records.apply(e, d, records.resolveParent(em, jurisdictionCode, d, null, Map.of(), "parentUnitId"), caller);
        em.persist(e);
        em.flush();
        ledger.record(em, List.of(e), Map.of(e.getId(), "mandate"), Map.of(e.getId(), d.mandate()), true);
        return records.recordRevision(em, e, UnitChange.CREATED, null, null);
    }

    Unit update(EntityManager em, Access a, Caller caller, long unitId, UnitDraft d, String why) {
        UnitEntity e = UnitRecords.find(em, unitId);
        JpaRegistryService.requireSee(a, caller, UnitRecords.toUnit(e));
        a.require(caller, Operation.ADMINISTER_REGISTRY, e.getJurisdictionCode());
        if (e.getStatus() != UnitStatus.ACTIVE) {
            throw SupervisionException.conflict("单位状态为“" + e.getStatus().label() + "”，不能修改；请先恢复为存续状态");
        }
        if (!e.getCode().equals(d.code())) {
            UnitEntity clash = UnitRecords.findByCode(em, e.getJurisdictionCode(), d.code());
            if (clash != null) {
                throw UnitRecords.duplicateCode(d.code(), "code");
            }
        }
        Long parent = records.resolveParent(em, e.getJurisdictionCode(), d, unitId, Map.of(), "parentUnitId");
        if (records.sameContent(e, d, parent)) {
            return UnitRecords.toUnit(e);
        }
        records.apply(e, d, parent, caller);
        ledger.record(em, List.of(e), Map.of(e.getId(), "mandate"), Map.of(e.getId(), d.mandate()), true);
        return records.recordRevision(em, e, UnitChange.UPDATED, why, null);
    }
}
