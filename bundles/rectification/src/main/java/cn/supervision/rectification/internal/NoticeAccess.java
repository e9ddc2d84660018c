package cn.supervision.rectification.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;

/**
 * Where every step starts: the notice it concerns is loaded and {@link cn.supervision.api.security.Access} (through the
 * registry) is asked before anything else, and listings are scoped and filtered by the same policy, so the policy
 * alone decides who may do what.
 */
final class NoticeAccess {
    private final JpaTemplate jpa;
    private final RegistryService registry;

    NoticeAccess(JpaTemplate jpa, RegistryService registry) {
        this.jpa = jpa;
        this.registry = registry;
    }

    /** The notice, once the caller may do {@code operation} on it. */
    NoticeEntity require(Caller caller, Operation operation, long noticeId) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, operation, target(n));
        return n;
    }

    void requireListing(Caller caller, Operation operation, String jurisdictionCode) {
        registry.access().require(caller, operation, scope(caller, jurisdictionCode));
    }

    List<NoticeEntity> filter(Caller caller, Operation operation, List<NoticeEntity> notices) {
        return registry.access().filter(caller, operation, notices, NoticeAccess::target);
    }

    ItemEntity item(long noticeId, long itemId) {
        ItemEntity i = jpa.txExpr(TransactionType.Supports, em -> em.find(ItemEntity.class, itemId));
        if (i == null || i.getNoticeId() != noticeId) {
            throw SupervisionException.notFound("整改事项 " + itemId + " 不存在");
        }
        return i;
    }

    static List<ItemEntity> items(EntityManager em, long noticeId) {
        return em.createQuery("select i from ItemEntity i where i.noticeId = :n order by i.id", ItemEntity.class)
                .setParameter("n", noticeId).getResultList();
    }

    private NoticeEntity load(long noticeId) {
        NoticeEntity n = jpa.txExpr(TransactionType.Supports, em -> em.find(NoticeEntity.class, noticeId));
        if (n == null) {
            throw SupervisionException.notFound("整改通知 " + noticeId + " 不存在");
        }
        return n;
    }

    /**
     * A listing's scope: notified records of the jurisdiction, as the caller's own unit for a unit user (who may list
     * its own jurisdiction's notices and then sees only its unit's), so the policy alone decides who may list where.
     */
    private static Target scope(Caller caller, String jurisdictionCode) {
        return new Target(jurisdictionCode, caller.unitCode(), true);
    }

    /** A notice is notified to its unit by being issued: superior offices and the unit read it from then on. */
    static Target target(NoticeEntity n) {
        return new Target(n.getJurisdictionCode(), n.getUnitCode(), true);
    }
}
