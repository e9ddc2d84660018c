package cn.supervision.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditOutcome;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.problem.SupervisionException;

/** Filtered, newest-first reads over a set of jurisdictions (null: all, for the platform itself). */
final class AuditReader {
    private final JpaTemplate jpa;

    AuditReader(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    AuditPage page(Set<String> jurisdictions, AuditQuery q) {
        if (jurisdictions != null && jurisdictions.isEmpty()) {
            return new AuditPage(List.of(), 0);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            long total = query(em, "select count(e)", Long.class, jurisdictions, q, false).getSingleResult();
            List<AuditEntry> entries = query(em, "select e", cn.supervision.audit.internal.model.AuditEntryEntity.class,
                    jurisdictions, q, true).setFirstResult(q.offset()).setMaxResults(q.limit())
                    .getResultList().stream().map(Entries::toValue).toList();
            return new AuditPage(entries, total);
        });
    }

    /** At most {@code max + 1} entries, so that the caller can tell a selection larger than {@code max}. */
    List<AuditEntry> upTo(Set<String> jurisdictions, AuditQuery q, int max) {
        if (jurisdictions != null && jurisdictions.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> query(em, "select e",
                cn.supervision.audit.internal.model.AuditEntryEntity.class, jurisdictions, q, true)
                .setMaxResults(max + 1).getResultList().stream().map(Entries::toValue).toList());
    }

    private static <T> TypedQuery<T> query(EntityManager em, String select, Class<T> type, Set<String> jurisdictions,
                                           AuditQuery q, boolean ordered) {
        List<String> where = new ArrayList<>();
        if (jurisdictions != null) {
            where.add("e.jurisdiction in :codes");
        }
        if (q.username() != null) {
            where.add("e.username = :user");
        }
        if (q.from() != null) {
            where.add("e.recordedAt >= :from");
        }
        if (q.to() != null) {
            where.add("e.recordedAt < :to");
        }
        if (q.action() != null) {
            where.add("e.action = :action");
        }
        int[] status = statusRange(q.outcome());
        if (status != null) {
            where.add("e.status >= :lo and e.status <= :hi");
        }
        String jpql = select + " from AuditEntryEntity e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + (ordered ? " order by e.sequence desc" : "");
        TypedQuery<T> query = em.createQuery(jpql, type);
        if (jurisdictions != null) {
            query.setParameter("codes", jurisdictions);
        }
        if (q.username() != null) {
            query.setParameter("user", q.username());
        }
        if (q.from() != null) {
            query.setParameter("from", millis(q.from()));
        }
        if (q.to() != null) {
            query.setParameter("to", millis(q.to()));
        }
        if (q.action() != null) {
            query.setParameter("action", q.action().name());
        }
        if (status != null) {
            query.setParameter("lo", status[0]).setParameter("hi", status[1]);
        }
        return query;
    }

    private static long millis(Instant i) {
        return i.toEpochMilli();
    }

    /** SUCCEEDED, REFUSED, FAILED or one status code, as an inclusive range. */
    static int[] statusRange(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        String o = outcome.trim();
        if (o.chars().allMatch(Character::isDigit) && o.length() == 3) {
            int s = Integer.parseInt(o);
            return new int[] {s, s};
        }
        try {
            return switch (AuditOutcome.valueOf(o.toUpperCase(java.util.Locale.ROOT))) {
                case SUCCEEDED -> new int[] {0, 399};
                case REFUSED -> new int[] {400, 499};
                case FAILED -> new int[] {500, 999};
            };
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("outcome", "应为 SUCCEEDED、REFUSED、FAILED 或三位状态码");
        }
    }
}
