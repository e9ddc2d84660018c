package cn.supervision.task.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskState;
import cn.supervision.task.internal.model.TaskEntity;

/**
 * The listing: the query's filters in the database (overdue-only as OPEN with a deadline before today), then the
 * order every listing shows — overdue first, then by deadline, then oldest first. Authority and paging are applied by
 * the service on this order.
 */
final class TaskListing {
    private TaskListing() {
    }

    static Comparator<TaskEntity> order(LocalDate today) {
        return Comparator.<TaskEntity, Boolean>comparing(t -> !Deadlines.overdue(t.getState(), t.getDeadline(), today))
                .thenComparingLong(TaskEntity::getDeadline).thenComparingLong(TaskEntity::getId);
    }

    static List<TaskEntity> select(EntityManager em, String jurisdictionCode, TaskQuery query, LocalDate today) {
        TaskQuery q = query == null ? TaskQuery.all() : query;
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("select t from TaskEntity t where 1 = 1");
        if (jurisdictionCode != null) {
            jpql.append(" and t.jurisdictionCode = :j");
            params.put("j", jurisdictionCode);
        }
        if (q.origin() != null) {
            jpql.append(" and t.origin = :origin");
            params.put("origin", q.origin());
        }
        if (q.originId() != null) {
            jpql.append(" and t.originId = :originId");
            params.put("originId", q.originId());
        }
        if (q.state() != null) {
            jpql.append(" and t.state = :state");
            params.put("state", q.state());
        }
        if (q.overdueOnly()) {
            jpql.append(" and t.state = :open and t.deadline < :today");
            params.put("open", TaskState.OPEN);
            params.put("today", today.toEpochDay());
        }
        if (q.ownerKind() != null) {
            jpql.append(" and t.ownerKind = :kind");
            params.put("kind", q.ownerKind());
        }
        if (q.ownerCode() != null && !q.ownerCode().isBlank()) {
            jpql.append(" and t.ownerCode = :code");
            params.put("code", q.ownerCode().trim());
        }
        TypedQuery<TaskEntity> typed = em.createQuery(jpql.toString(), TaskEntity.class);
        params.forEach(typed::setParameter);
        List<TaskEntity> rows = new ArrayList<>(typed.getResultList());
        rows.sort(order(today));
        return rows;
    }
}
