package cn.supervision.powerlist.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.registry.Unit;
import cn.supervision.powerlist.internal.model.PowerItemEntity;
import cn.supervision.powerlist.internal.model.PowerListImportEntity;

/** Writes one accepted import (superseding the unit's current list) and turns the entities into the api's values. */
final class ImportWriter {
    private ImportWriter() {
    }

    static PowerListImport write(EntityManager em, long now, String username, Unit unit, String fileName, List<RowValidator.Checked> rows) {
        PowerListImportEntity imp = new PowerListImportEntity();
        imp.setUnitId(unit.id());
        imp.setUnitCode(unit.code());
        imp.setJurisdictionCode(unit.jurisdictionCode());
        imp.setFileName(fileName);
        imp.setItems(rows.size());
        imp.setImportedAt(now);
        imp.setImportedBy(username);
        em.persist(imp);
        em.flush();
        int superseded = em.createQuery("update PowerItemEntity i set i.status = :superseded, i.supersededBy = :by"
                        + " where i.unitId = :unit and i.status = :current")
                .setParameter("superseded", PowerItemStatus.SUPERSEDED).setParameter("by", imp.getId())
                .setParameter("unit", unit.id()).setParameter("current", PowerItemStatus.CURRENT).executeUpdate();
        imp.setSuperseded(superseded);
        for (RowValidator.Checked c : rows) {
            PowerItemDraft d = c.draft();
            PowerItemEntity e = new PowerItemEntity();
            e.setImportId(imp.getId());
            e.setUnitId(unit.id());
            e.setUnitCode(unit.code());
            e.setJurisdictionCode(unit.jurisdictionCode());
            e.setRowNumber(d.row());
            e.setCode(d.code().trim());
            e.setName(d.name().trim());
            e.setType(c.type());
            e.setBasis(text(d.basis()));
            e.setSubject(text(d.subject()));
            e.setResponsibilities(text(d.responsibilities()));
            e.setAccountability(text(d.accountability()));
            e.setDutyId(c.dutyId());
            e.setDutyNumber(d.dutyNumber());
            e.setStatus(PowerItemStatus.CURRENT);
            e.setImportedAt(now);
            e.setImportedBy(username);
            em.persist(e);
        }
        return toValue(imp);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static PowerItem toValue(PowerItemEntity e) {
        return new PowerItem(e.getId(), e.getUnitId(), e.getUnitCode(), e.getJurisdictionCode(), e.getCode(), e.getName(),
                e.getType(), e.getBasis(), e.getSubject(), e.getResponsibilities(), e.getAccountability(), e.getDutyId(),
                e.getDutyNumber(), e.getStatus(), e.getImportId(), Instant.ofEpochMilli(e.getImportedAt()), e.getImportedBy());
    }

    static PowerListImport toValue(PowerListImportEntity e) {
        return new PowerListImport(e.getId(), e.getUnitId(), e.getJurisdictionCode(), e.getFileName(), e.getItems(),
                e.getSuperseded(), Instant.ofEpochMilli(e.getImportedAt()), e.getImportedBy());
    }
}
