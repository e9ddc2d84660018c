package cn.supervision.rectification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            // a lambda, not Values::item: javac 17 infers the flat-mapped stream as Object against that exact reference
            return access.filter(caller, Operation.READ_FOLLOWUP, notices).stream()
                    .flatMap(n -> NoticeAccess.items(em, n.getId()).stream()).filter(i -> i.getState() == ItemState.OVERDUE)
                    .map(i -> Values.item(i)).toList();
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
            List<UnitRectificationStatus> out = new ArrayList<>();
            byUnit.forEach((unitId, ns) -> {
                List<ItemEntity> items = ns.stream().flatMap(n -> NoticeAccess.items(em, n.getId()).stream()).toList();
                long escalations = ns.stream().mapToLong(n -> em.createQuery("select count(e) from EscalationEntity e where e.noticeId = :n "
                        + "and e.state = :s", Long.class).setParameter("n", n.getId()).setParameter("s", EscalationState.RECORDED)
                        .getSingleResult()).sum();
                int closed = (int) items.stream().filter(i -> i.getState() == ItemState.CLOSED).count();
                int overdue = (int) items.stream().filter(i -> i.getState() == ItemState.OVERDUE).count();
                NoticeEntity first = ns.get(0);
                out.add(new UnitRectificationStatus(jurisdictionCode, unitId, first.getUnitCode(), first.getUnitName(), year, ns.size(),
                        items.size(), closed, overdue, items.size() - closed, (int) escalations));
            });
            return out;
        });
    }
}
