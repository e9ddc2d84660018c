package cn.supervision.rectification.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.EscalationState;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;

/** Read-only views across notices for partners, leaders and the shell: overdue items, and a year's figures per unit. */
final class Oversight {
    private final JpaTemplate jpa;
    private final NoticeAccess access;

    Oversight(JpaTemplate jpa, NoticeAccess access) {
        this.jpa = jpa;
        this.access = access;
    }

    List<Item> overdue(Caller caller, String jurisdictionCode) {
        String code = jurisdictionCode != null ? jurisdictionCode : caller.jurisdictionCode();
        if (code != null) {
            access.requireListing(caller, Operation.READ_FOLLOWUP, code);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            javax.persistence.TypedQuery<NoticeEntity> query = em.createQuery("select n from NoticeEntity n where "
                    + (code == null ? "" : "n.jurisdictionCode = :j and ")
                    + "exists (select i from ItemEntity i where i.noticeId = n.id and i.state = :s) order by n.id", NoticeEntity.class)
                    .setParameter("s", ItemState.OVERDUE);
            List<NoticeEntity> notices = (code == null ? query : query.setParameter("j", code)).getResultList();
            Set<Long> visible = access.filter(caller, Operation.READ_FOLLOWUP, notices).stream().map(NoticeEntity::getId)
                    .collect(Collectors.toSet());
            if (visible.isEmpty()) {
                return List.<Item>of();
            }
            // one read of the overdue items of every notice in scope, not one per notice
            javax.persistence.TypedQuery<ItemEntity> items = em.createQuery("select i from ItemEntity i where i.state = :s and i.noticeId in "
                    + "(select n.id from NoticeEntity n" + (code == null ? "" : " where n.jurisdictionCode = :j") + ") order by i.noticeId, i.id",
                    ItemEntity.class).setParameter("s", ItemState.OVERDUE);
            // a lambda, not Values::item: javac 17 infers the mapped stream as Object against that exact reference
            return (code == null ? items : items.setParameter("j", code)).getResultList().stream()
                    .filter(i -> visible.contains(i.getNoticeId())).map(i -> Values.item(i)).toList();
        });
    }

    List<UnitRectificationStatus> statusByUnit(Caller caller, String jurisdictionCode, int year) {
        if (jurisdictionCode == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        access.requireListing(caller, Operation.READ_RECTIFICATION_STATUS, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<NoticeEntity> notices = access.filter(caller, Operation.READ_RECTIFICATION_STATUS,
                    em.createQuery("select n from NoticeEntity n where n.jurisdictionCode = :j and n.numberYear = :y order by n.unitId, n.id",
                            NoticeEntity.class).setParameter("j", jurisdictionCode).setParameter("y", year).getResultList());
            Map<Long, List<NoticeEntity>> byUnit = notices.stream().collect(Collectors.groupingBy(NoticeEntity::getUnitId, LinkedHashMap::new,
                    Collectors.toList()));
            // per notice, its items by state and its recorded escalations: two grouped reads for the year, not two per notice
            String ofTheYear = " in (select n.id from NoticeEntity n where n.jurisdictionCode = :j and n.numberYear = :y)";
            Map<Long, Map<ItemState, Long>> itemStates = new HashMap<>();
            for (Object[] row : em.createQuery("select i.noticeId, i.state, count(i) from ItemEntity i where i.noticeId" + ofTheYear
                    + " group by i.noticeId, i.state", Object[].class).setParameter("j", jurisdictionCode).setParameter("y", year).getResultList()) {
                itemStates.computeIfAbsent((Long) row[0], k -> new EnumMap<>(ItemState.class)).put((ItemState) row[1], (Long) row[2]);
            }
            Map<Long, Long> escalationCounts = new HashMap<>();
            for (Object[] row : em.createQuery("select e.noticeId, count(e) from EscalationEntity e where e.state = :s and e.noticeId" + ofTheYear
                    + " group by e.noticeId", Object[].class).setParameter("s", EscalationState.RECORDED).setParameter("j", jurisdictionCode)
                    .setParameter("y", year).getResultList()) {
                escalationCounts.put((Long) row[0], (Long) row[1]);
            }
            List<UnitRectificationStatus> out = new ArrayList<>();
            byUnit.forEach((unitId, ns) -> {
                long items = 0;
                long closed = 0;
                long overdue = 0;
                long escalations = 0;
                for (NoticeEntity n : ns) {
                    Map<ItemState, Long> states = itemStates.getOrDefault(n.getId(), Map.of());
                    items += states.values().stream().mapToLong(Long::longValue).sum();
                    closed += states.getOrDefault(ItemState.CLOSED, 0L);
                    overdue += states.getOrDefault(ItemState.OVERDUE, 0L);
                    escalations += escalationCounts.getOrDefault(n.getId(), 0L);
                }
                NoticeEntity first = ns.get(0);
                out.add(new UnitRectificationStatus(jurisdictionCode, unitId, first.getUnitCode(), first.getUnitName(), year, ns.size(),
                        (int) items, (int) closed, (int) overdue, (int) (items - closed), (int) escalations));
            });
            return out;
        });
    }
}
