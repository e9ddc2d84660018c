package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/**
 * Freezes the main duties of the target units when a campaign starts collecting, for the units whose pinned system has
 * a duty-driven indicator: their ACTIVE duties and the leaves the indicator service expands them into. The registry
 * and the indicator service are asked before the start transaction ({@link #prepare}); the rows are written inside it
 * ({@link #write}) with JDBC batches, so a province's thousand units start in one short transaction.
 */
final class DutyFreeze {
    static final int JDBC_BATCH = 500;

    /** One expanded leaf of one unit. */
    record Leaf(long unitId, String templateCode, String code, long dutyId, int dutyNumber, BigDecimal share) { }

    /** What the start writes: the duties and the leaves (both empty when no pinned system has a duty-driven part). */
    record Frozen(List<DutyRecord> duties, List<Leaf> leaves) {
        static final Frozen NONE = new Frozen(List.of(), List.of());
    }

    private final IndicatorSystemService systems;
    private final DutyDirectory directory;

    DutyFreeze(IndicatorSystemService systems, DutyDirectory directory) {
        this.systems = systems;
        this.directory = directory;
    }

    /** Whether any indicator of the definition is duty-driven. */
    static boolean dutyDriven(SystemDefinition d) {
        java.util.ArrayDeque<Indicator> pending = new java.util.ArrayDeque<>(d.indicators());
        while (!pending.isEmpty()) {
            Indicator n = pending.pop();
            if (n.perDuty() != null) {
                return true;
            }
            pending.addAll(n.children());
        }
        return false;
    }

    /** The expanded leaves of one unit's view of its system, in tree order. */
    static List<Leaf> leavesOf(long unitId, SystemDefinition expanded, Map<Long, DutyRecord> dutiesById) {
        List<Leaf> out = new ArrayList<>();
        java.util.ArrayDeque<Indicator> pending = new java.util.ArrayDeque<>(expanded.indicators());
        while (!pending.isEmpty()) {
            Indicator n = pending.removeFirst();
            if (n.expanded()) {
                for (Indicator child : n.children()) {
                    DutyRecord duty = dutiesById.get(child.dutyId());
                    if (duty != null) {
                        out.add(new Leaf(unitId, n.code(), child.code(), duty.id(), duty.number(), child.weight()));
                    }
                }
                continue;
            }
            List<Indicator> children = new ArrayList<>(n.children());
            java.util.Collections.reverse(children);
            children.forEach(pending::addFirst);
        }
        return out;
    }

    /**
     * Reads the duties of the jurisdiction once, as the platform, and expands every target unit's system. A unit
     * without an ACTIVE duty keeps its duty-driven indicators unexpanded (nothing is frozen for it).
     */
    Frozen prepare(Campaign c, List<Unit> targets, String startedBy) {
        Caller platform = Caller.system("campaign-start:" + startedBy);
        Map<Long, SystemDefinition> dutyDriven = new HashMap<>();
        Map<Long, Boolean> checked = new HashMap<>();
        for (Unit u : targets) {
            Long systemId = c.systems().get(u.kind());
            if (systemId != null && checked.putIfAbsent(systemId, Boolean.TRUE) == null) {
                SystemDefinition d = systems.get(platform, systemId).definition();
                if (dutyDriven(d)) {
                    dutyDriven.put(systemId, d);
                }
            }
        }
        if (dutyDriven.isEmpty()) {
            return Frozen.NONE;
        }
        if (directory == null) {
            throw new IllegalStateException("the duty directory is not wired: duty-driven indicators cannot be expanded");
        }
        Map<Long, List<DutyRecord>> byUnit = new LinkedHashMap<>();
        for (DutyRecord d : directory.dutiesOf(platform, c.jurisdictionCode(), false)) {
            if (d.status() == DutyStatus.ACTIVE) {
                byUnit.computeIfAbsent(d.unitId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<DutyRecord> duties = new ArrayList<>();
        List<Leaf> leaves = new ArrayList<>();
        for (Unit u : targets) {
            SystemDefinition d = dutyDriven.get(c.systems().get(u.kind()));
            List<DutyRecord> own = byUnit.getOrDefault(u.id(), List.of());
            if (d == null || own.isEmpty()) {
                continue;
            }
            Map<Long, DutyRecord> byId = new HashMap<>();
            own.forEach(x -> byId.put(x.id(), x));
            duties.addAll(own);
            leaves.addAll(leavesOf(u.id(), systems.expandForDuties(d, own), byId));
        }
        return new Frozen(duties, leaves);
    }

    /** Writes the snapshot through the start transaction's connection. */
    static void write(EntityManager em, long campaignId, Frozen frozen) {
        if (frozen.duties().isEmpty()) {
            return;
        }
        try (Connection c = em.unwrap(Connection.class); // OpenJPA's handle on the transaction's connection: close releases it
             PreparedStatement duty = c.prepareStatement("INSERT INTO SV_CAMPAIGN_DUTY"
                     + " (CAMPAIGNID, UNITID, DUTYID, DUTYNUMBER, DUTYTEXT, DUTYTYPE) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement leaf = c.prepareStatement("INSERT INTO SV_CAMPAIGN_DUTY_LEAF"
                     + " (CAMPAIGNID, UNITID, CODE, TEMPLATECODE, DUTYID, DUTYNUMBER, SHAREPERCENT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (DutyRecord d : frozen.duties()) {
                duty.setLong(1, campaignId);
                duty.setLong(2, d.unitId());
                duty.setLong(3, d.id());
                duty.setInt(4, d.number());
                duty.setString(5, d.text());
                if (d.type() == null) {
                    duty.setNull(6, Types.VARCHAR);
                } else {
                    duty.setString(6, d.type().name());
                }
                duty.addBatch();
                if (++pending % JDBC_BATCH == 0) {
                    duty.executeBatch();
                }
            }
            duty.executeBatch();
            pending = 0;
            for (Leaf l : frozen.leaves()) {
                leaf.setLong(1, campaignId);
                leaf.setLong(2, l.unitId());
                leaf.setString(3, l.code());
                leaf.setString(4, l.templateCode());
                leaf.setLong(5, l.dutyId());
                leaf.setInt(6, l.dutyNumber());
                leaf.setBigDecimal(7, l.share());
                leaf.addBatch();
                if (++pending % JDBC_BATCH == 0) {
                    leaf.executeBatch();
                }
            }
            leaf.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the duty snapshot of campaign " + campaignId + " could not be written: " + e.getMessage(), e);
        }
    }
}
