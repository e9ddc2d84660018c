package cn.supervision.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * A jurisdiction's units from a spreadsheet, all or nothing: every row is checked before the transaction, parents are
 * named by code and may come in any order, and an error in any row leaves the registry untouched.
 */
final class UnitImport {
    static final int MAX_IMPORT_ROWS = 5_000;

    private final UnitRecords records;
    private final DutyLedger ledger;

    UnitImport(UnitRecords records, DutyLedger ledger) {
        this.records = records;
        this.ledger = ledger;
    }

    /** The normalised rows, or every row's errors at once. */
    static List<UnitDraft> checked(List<UnitDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw SupervisionException.invalid("rows", "没有可导入的单位");
        }
        if (drafts.size() > MAX_IMPORT_ROWS) {
            throw SupervisionException.invalid("rows", "一次最多导入 " + MAX_IMPORT_ROWS + " 个单位");
        }
        List<FieldError> errors = new ArrayList<>();
        List<UnitDraft> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = "rows[" + i + "]";
            List<FieldError> rowErrors = UnitValidator.validate(drafts.get(i), prefix);
            if (rowErrors.isEmpty()) {
                UnitDraft d = UnitValidator.normalize(drafts.get(i));
                if (!codes.add(d.code())) {
                    rowErrors.add(new FieldError(prefix + ".code", "编码 " + d.code() + " 在导入数据中重复"));
                }
                if (d.parentUnitId() != null) {
                    rowErrors.add(new FieldError(prefix + ".parentUnitCode", "批量导入时请用上级单位编码指定上级单位"));
                }
                rows.add(d);
            }
            errors.addAll(rowErrors);
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("导入数据有 " + errors.size() + " 处错误，未导入任何单位", errors);
        }
        return rows;
    }

    ImportResult write(EntityManager em, Caller caller, String jurisdictionCode, List<UnitDraft> rows, ImportMode mode) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOf.put(rows.get(i).code(), i);
        }
        Map<String, UnitEntity> byCode = new HashMap<>();
        for (UnitEntity e : em.createQuery("select u from UnitEntity u where u.jurisdictionCode = :j", UnitEntity.class)
                .setParameter("j", jurisdictionCode).getResultList()) {
            byCode.put(e.getCode(), e);
        }
        // first pass: every row gets an entity (and so an id) so that parents may be given in any order
        Map<String, UnitEntity> targets = new HashMap<>();
        List<UnitDraft> toWrite = new ArrayList<>();
        for (UnitDraft d : rows) {
            UnitEntity e = byCode.get(d.code());
            if (e == null) {
                e = records.newUnit(jurisdictionCode, caller);
                e.setCode(d.code());
                e.setName(d.name());
                e.setKind(d.kind());
                e.setMandateJson(RegistryJson.write(Mandate.EMPTY));
                em.persist(e);
                created.add(d.code());
                toWrite.add(d);
            } else if (mode == ImportMode.CREATE_MISSING) {
                unchanged.add(d.code());
                continue;
            } else {
                if (e.getStatus() != UnitStatus.ACTIVE) {
                    throw SupervisionException.conflict("单位 " + d.code() + " 状态为“" + e.getStatus().label() + "”，不能通过导入修改");
                }
                toWrite.add(d);
            }
            targets.put(d.code(), e);
            byCode.put(d.code(), e);
        }
        em.flush();
        Map<String, Long> idsByCode = new HashMap<>();
        byCode.forEach((code, e) -> idsByCode.put(code, e.getId()));
        List<FieldError> errors = new ArrayList<>();
        List<UnitEntity> written = new ArrayList<>();
        Map<Long, String> fields = new HashMap<>();
        Map<Long, Mandate> mandates = new HashMap<>();
        for (UnitDraft d : toWrite) {
            UnitEntity e = targets.get(d.code());
            Long parent;
            try {
                parent = records.resolveParent(em, jurisdictionCode, d, e.getId(), idsByCode, "parentUnitCode of " + d.code());
            } catch (SupervisionException ex) {
                errors.addAll(ex.errors());
                continue;
            }
            boolean isNew = created.contains(d.code());
            if (!isNew && records.sameContent(e, d, parent)) {
                unchanged.add(d.code());
                continue;
            }
            records.apply(e, d, parent, caller);
            if (!isNew) {
                updated.add(d.code());
            }
            written.add(e);
            fields.put(e.getId(), "rows[" + rowOf.get(d.code()) + "].mandate");
            mandates.put(e.getId(), d.mandate());
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("导入数据有 " + errors.size() + " 处错误，未导入任何单位", errors);
        }
        ledger.record(em, written, fields, mandates, true);
        for (UnitEntity e : written) {
            boolean isNew = created.contains(e.getCode());
            records.recordRevision(em, e, isNew ? UnitChange.CREATED : UnitChange.IMPORTED, isNew ? "导入" : null, null);
        }
        return new ImportResult(jurisdictionCode, created, updated, unchanged);
    }
}
