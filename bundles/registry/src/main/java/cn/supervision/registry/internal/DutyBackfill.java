package cn.supervision.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.Mandate;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * Databases written before duties were records hold mandates whose duties have no ids. At start, every such unit's
 * duties get their records (dating from the unit's current revision: earlier ones are not known to the ledger) and the
 * mandate its ids, in one transaction; the unit's revision does not change, since its content did not.
 */
final class DutyBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(DutyBackfill.class);

    private DutyBackfill() {
    }

    /** The number of units whose duties were given ids; 0 once every mandate carries them. */
    static int run(JpaTemplate jpa, DutyLedger ledger) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> recorded = new HashSet<>(em.createQuery("select distinct d.unitId from DutyEntity d", Long.class)
                    .getResultList());
            Map<String, List<UnitEntity>> pending = new TreeMap<>();
            Map<Long, Mandate> mandates = new HashMap<>();
            for (UnitEntity u : em.createQuery("select u from UnitEntity u order by u.id", UnitEntity.class).getResultList()) {
                Mandate m = RegistryJson.read(u.getMandateJson(), Mandate.class);
                boolean idless = m.duties().stream().anyMatch(d -> d.id() == null);
                if (m.duties().isEmpty() || (recorded.contains(u.getId()) && !idless)) {
                    continue;
                }
                if (!recorded.contains(u.getId())) {
                    // ids without records (a partial restore) name nothing the ledger knows: start afresh
                    m = new Mandate(m.duties().stream().map(d -> new Duty(null, d.number(), d.text(), d.type(), d.links()))
                            .toList(), m.internalBodies(), m.staffing());
                }
                mandates.put(u.getId(), m);
                pending.computeIfAbsent(u.getJurisdictionCode(), k -> new ArrayList<>()).add(u);
            }
            Map<Long, String> fields = new HashMap<>();
            mandates.keySet().forEach(id -> fields.put(id, "unit " + id + " mandate"));
            List<FieldError> unresolved = new ArrayList<>();
            for (List<UnitEntity> units : pending.values()) {
                unresolved.addAll(ledger.record(em, units, fields, mandates, false));
            }
            int done = mandates.size();
            unresolved.forEach(e -> LOG.warn("数据库升级：{}（关联保持原样）", e.message()));
            if (done > 0) {
                LOG.info("数据库升级：{} 个单位的主要职责已建立职责记录", done);
            }
            return done;
        });
    }
}
