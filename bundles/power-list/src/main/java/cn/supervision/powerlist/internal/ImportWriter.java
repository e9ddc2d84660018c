package cn.supervision.powerlist.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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
    /** Items per JDBC batch: a list may have 5 000 items of up to 3 × 8 000 characters. */
    static final int JDBC_BATCH = 200;
    private static final String INSERT_ITEM = "INSERT INTO SV_POWER_ITEM (IMPORTID, UNITID, UNITCODE, JURISDICTIONCODE, ROWNUMBER, CODE,"
            + " NAME, TYPE, BASIS, SUBJECT, RESPONSIBILITIES, ACCOUNTABILITY, DUTYID, DUTYNUMBER, STATUS, IMPORTEDAT, IMPORTEDBY)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        insertItems(em, imp, unit, now, username, rows);
        return toValue(imp);
    }

    /**
     * The items as JDBC batches on the transaction's connection, not one managed entity and one INSERT each: a first
     * start imports the city's 1 161 items before the platform is healthy, and nothing here reads their generated ids.
     */
    private static void insertItems(EntityManager em, PowerListImportEntity imp, Unit unit, long now, String username,
                                    List<RowValidator.Checked> rows) {
        try (Connection c = em.unwrap(Connection.class); // OpenJPA's handle on the transaction's connection: close releases it
             PreparedStatement insert = c.prepareStatement(INSERT_ITEM)) {
            int pending = 0;
            for (RowValidator.Checked checked : rows) {
                PowerItemDraft d = checked.draft();
                insert.setLong(1, imp.getId());
                insert.setLong(2, unit.id());
                insert.setString(3, unit.code());
                insert.setString(4, unit.jurisdictionCode());
                insert.setInt(5, d.row());
                insert.setString(6, d.code().trim());
                insert.setString(7, d.name().trim());
                insert.setString(8, checked.type().name());
                insert.setString(9, text(d.basis()));
                insert.setString(10, text(d.subject()));
                insert.setString(11, text(d.responsibilities()));
                insert.setString(12, text(d.accountability()));
                setNullable(insert, 13, checked.dutyId(), Types.BIGINT);
                setNullable(insert, 14, d.dutyNumber(), Types.INTEGER);
                insert.setString(15, PowerItemStatus.CURRENT.name());
                insert.setLong(16, now);
                insert.setString(17, username);
                insert.addBatch();
                if (++pending % JDBC_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the items of power-list import " + imp.getId() + " could not be written: " + e.getMessage(), e);
        }
    }

    private static void setNullable(PreparedStatement s, int index, Number value, int sqlType) throws SQLException {
        if (value == null) {
            s.setNull(index, sqlType);
        } else {
            s.setObject(index, value, sqlType);
        }
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
