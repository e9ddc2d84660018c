package cn.supervision.warning.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.tx.TransactionLock;
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningLevel;
import cn.supervision.api.warning.WarningRule;
import cn.supervision.api.warning.WarningState;
import cn.supervision.api.warning.WarningTransition;
import cn.supervision.warning.internal.model.WarningEntity;
import cn.supervision.warning.internal.model.WarningTransitionEntity;
import cn.supervision.warning.internal.rules.Hit;

/**
 * The warning ledger's storage: raising (never the same unit + rule + subject twice), state changes with their
 * history row in the same transaction, reminders claimed once, and the listings. Knows nothing of authority or
 * notifications. Raising and state changes of one jurisdiction run one transaction at a time on every platform node:
 * each first holds the database lock {@code warning:<jurisdiction>} ({@link TransactionLock}) and reads after it.
 */
final class Ledger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The states a warning is reminded in. */
    private static final List<String> OPEN = List.of(WarningState.TO_DISPATCH.name(), WarningState.DISPATCHED.name(),
            WarningState.VERIFYING.name());

    private static final String CLAIM_REMINDER = "UPDATE SV_WARNING SET LASTREMINDEDAT = ? WHERE ID = ? AND LASTREMINDEDAT <= ?"
            + " AND STATE IN (?, ?, ?)";

    private final JpaTemplate jpa;

    Ledger(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    static String key(long unitId, WarningRule rule, String subject) {
        return unitId + "|" + rule + "|" + subject;
    }

    /**
     * Writes the hits not yet in the ledger for that jurisdiction (one read of its keys, then the inserts, one
     * transaction), each with its raising in the history.
     */
    List<Warning> raise(String jurisdictionCode, List<Hit> hits, Map<Long, Unit> units, Instant now, String by) {
        return jpa.txExpr(TransactionType.Required, em -> {
            lock(em, jurisdictionCode);
            Set<String> known = new HashSet<>();
            for (Object[] row : em.createQuery("SELECT w.unitId, w.rule, w.subject FROM WarningEntity w WHERE w.jurisdictionCode = :j",
                    Object[].class).setParameter("j", jurisdictionCode).getResultList()) {
                known.add(((Number) row[0]).longValue() + "|" + row[1] + "|" + row[2]);
            }
            List<WarningEntity> created = new ArrayList<>();
            for (Hit h : hits) {
                if (!known.add(key(h.unitId(), h.rule(), h.subject()))) {
                    continue;
                }
                Unit u = units.get(h.unitId());
                WarningEntity w = new WarningEntity(jurisdictionCode, h.unitId(), u == null ? null : u.code(),
                        u == null ? null : u.name(), h.rule().level().name(), h.rule().name(), h.subject(),
                        truncate(h.description(), 2000), json(h.values()), WarningState.TO_DISPATCH.name(), now.toEpochMilli(), by);
                em.persist(w);
                created.add(w);
            }
            em.flush();
            for (WarningEntity w : created) {
                em.persist(new WarningTransitionEntity(w.getId(), null, WarningState.TO_DISPATCH.name(), by, now.toEpochMilli(),
                        "规则 " + w.getRule() + " 触发"));
            }
            return created.stream().map(Ledger::toWarning).toList();
        });
    }

    List<Warning> list(String jurisdictionCode, WarningLevel level, WarningState state, Long unitId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder q = new StringBuilder("SELECT w FROM WarningEntity w WHERE w.jurisdictionCode = :j");
            if (level != null) {
                q.append(" AND w.level = :level");
            }
            if (state != null) {
                q.append(" AND w.state = :state");
            }
            if (unitId != null) {
                q.append(" AND w.unitId = :unit");
            }
            q.append(" ORDER BY w.id DESC");
            TypedQuery<WarningEntity> query = em.createQuery(q.toString(), WarningEntity.class).setParameter("j", jurisdictionCode);
            if (level != null) {
                query.setParameter("level", level.name());
            }
            if (state != null) {
                query.setParameter("state", state.name());
            }
            if (unitId != null) {
                query.setParameter("unit", unitId);
            }
            return query.getResultList().stream().map(Ledger::toWarning).toList();
        });
    }

    Warning get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toWarning(find(em, id)));
    }

    List<WarningTransition> history(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT t FROM WarningTransitionEntity t WHERE t.warningId = :id ORDER BY t.id", WarningTransitionEntity.class)
                .setParameter("id", id).getResultList().stream()
                .map(t -> new WarningTransition(t.getWarningId(), t.getFromState() == null ? null : WarningState.valueOf(t.getFromState()),
                        WarningState.valueOf(t.getToState()), t.getActor(), Instant.ofEpochMilli(t.getAt()), t.getReason()))
                .toList());
    }

    /** What a transition does besides the state, in its transaction once the state allowed it: the reason it records. */
    interface Step {
        String apply(WarningEntity w);
    }

    /**
     * Moves one warning of {@code jurisdictionCode} to {@code to} if its current state allows it (409 naming the current
     * state otherwise), runs {@code step} on the entity in the same transaction, and records the transition with the
     * reason the step answers. The state is read under the jurisdiction's lock: of two offices moving the same warning
     * on two nodes at once, the second sees the first's move.
     */
    Warning move(long id, String jurisdictionCode, WarningState to, String by, Instant at, Step step) {
        return jpa.txExpr(TransactionType.Required, em -> {
            lock(em, jurisdictionCode);
            WarningEntity w = find(em, id);
            WarningState from = WarningState.valueOf(w.getState());
            if (!from.next().contains(to)) {
                throw SupervisionException.conflict("预警 " + number(w) + " 当前状态为“" + from.label() + "”（" + from
                        + "），不能" + verb(to));
            }
            String reason = step.apply(w);
            w.moveTo(to.name(), at.toEpochMilli(), by);
            em.persist(new WarningTransitionEntity(id, from.name(), to.name(), by, at.toEpochMilli(), reason));
            return toWarning(w);
        });
    }

    private static void lock(EntityManager em, String jurisdictionCode) {
        TransactionLock.hold(() -> em.unwrap(Connection.class), "warning:" + jurisdictionCode);
    }

    static String verb(WarningState to) {
        return switch (to) {
            case TO_DISPATCH -> "重新待下发";
            case DISPATCHED -> "下发";
            case VERIFYING -> "转入核查";
            case CLOSED -> "销号";
            case CONVERTED -> "转为问题";
        };
    }

    /** Open warnings whose last reminder (or raising) is at or before {@code cutoff}: the reminders due. */
    List<Warning> remindersDue(Instant cutoff) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT w FROM WarningEntity w WHERE w.state IN :open AND w.lastRemindedAt <= :cutoff ORDER BY w.id",
                        WarningEntity.class)
                .setParameter("open", OPEN)
                .setParameter("cutoff", cutoff.toEpochMilli()).getResultList().stream().map(Ledger::toWarning).toList());
    }

    /**
     * Of {@code due}, those still due (open, last reminded at or before {@code cutoff}) marked reminded at {@code at}, each
     * by a conditional update: when two nodes' passes remind at once, each warning is claimed by one of them (the second
     * update waits for the first's row and then matches nothing). Plain SQL: OpenJPA turns a JPQL bulk update into
     * {@code UPDATE ... WHERE ID IN (SELECT ...)}, whose subquery PostgreSQL does not evaluate again after the wait.
     */
    List<Warning> claimReminders(List<Warning> due, Instant cutoff, Instant at) {
        if (due.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            try (Connection c = em.unwrap(Connection.class); PreparedStatement claim = c.prepareStatement(CLAIM_REMINDER)) {
                for (Warning w : due) {
                    claim.setLong(1, at.toEpochMilli());
                    claim.setLong(2, w.id());
                    claim.setLong(3, cutoff.toEpochMilli());
                    for (int i = 0; i < OPEN.size(); i++) {
                        claim.setString(4 + i, OPEN.get(i));
                    }
                    claim.addBatch();
                }
                int[] updated = claim.executeBatch();
                List<Warning> claimed = new ArrayList<>();
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] == 1) {
                        claimed.add(due.get(i));
                    }
                }
                return claimed;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static WarningEntity find(EntityManager em, long id) {
        WarningEntity w = em.find(WarningEntity.class, id);
        if (w == null) {
            throw SupervisionException.notFound("预警 " + id + " 不存在");
        }
        return w;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String json(Map<String, String> values) {
        try {
            return truncate(JSON.writeValueAsString(values), 4000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> values(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("raw", json);
        }
    }

    /** 预警编号 YJ{jurisdiction}-{year raised}-{id}: derived, so raising needs no second write per warning. */
    static String number(WarningEntity w) {
        return "YJ" + w.getJurisdictionCode() + "-" + Instant.ofEpochMilli(w.getRaisedAt()).atZone(CHINA).getYear() + "-"
                + String.format("%06d", w.getId());
    }

    static Warning toWarning(WarningEntity w) {
        return new Warning(w.getId(), number(w), w.getJurisdictionCode(), w.getUnitId(), w.getUnitCode(), w.getUnitName(),
                WarningLevel.valueOf(w.getLevel()), WarningRule.valueOf(w.getRule()), w.getSubject(), w.getDescription(),
                values(w.getValuesJson()), WarningState.valueOf(w.getState()), Instant.ofEpochMilli(w.getRaisedAt()),
                Instant.ofEpochMilli(w.getUpdatedAt()), w.getUpdatedBy(), Instant.ofEpochMilli(w.getLastRemindedAt()), w.getFindingId());
    }
}
