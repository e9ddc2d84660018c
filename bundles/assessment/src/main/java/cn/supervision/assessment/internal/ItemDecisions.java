package cn.supervision.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.assessment.internal.ItemRules.Derived;
import cn.supervision.assessment.internal.model.ItemEntity;

/**
 * The office's decisions on items (confirm, drop with a reason): its items are first brought up to date
 * ({@link Reconciliation}), so that a stale item cannot be decided; both transactions hold the {@link AssessmentLock}.
 */
final class ItemDecisions {
    // the service's logger, so the log configuration that watched decisions before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaAssessmentService.class);

    private final JpaTemplate jpa;
    private final AssessmentAccess access;
    private final Mappings mappings;
    private final CampaignResults campaigns;
    private final Clock clock;

    ItemDecisions(JpaTemplate jpa, AssessmentAccess access, Mappings mappings, CampaignResults campaigns, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.mappings = mappings;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    AssessmentItem confirm(Caller caller, long itemId, String note) {
        return decide(caller, itemId, ItemState.CONFIRMED, note, false);
    }

    AssessmentItem drop(Caller caller, long itemId, String note) {
        return decide(caller, itemId, ItemState.DROPPED, note, true);
    }

    private AssessmentItem decide(Caller caller, long itemId, ItemState to, String note, boolean reasonRequired) {
        ItemEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, itemId));
        access.policy().require(caller, Operation.MANAGE_ASSESSMENT, current.getJurisdictionCode());
        String text = note == null || note.isBlank() ? null : note.trim();
        if (reasonRequired && text == null) {
            throw SupervisionException.invalid("note", "舍弃加减分事项须说明理由");
        }
        if (text != null && text.length() > MappingRules.MAX_NOTE) {
            throw SupervisionException.invalid("note", "说明不超过 " + MappingRules.MAX_NOTE + " 个字符");
        }
        long now = clock.millis();
        // the office's own command: its items are first brought up to date, so that a stale item cannot be decided
        Mapping mapping = mappings.current(current.getJurisdictionCode(), current.getYear()).orElse(null);
        List<Derived> derived = mapping == null ? null
                : ItemRules.derive(mapping, CampaignResults.specials(campaigns.published(current.getJurisdictionCode(), current.getYear())));
        String jurisdictionCode = current.getJurisdictionCode();
        int year = current.getYear();
        if (mapping != null) {
            jpa.txExpr(TransactionType.Required, em -> {
                AssessmentLock.hold(em, jurisdictionCode, year);
                return Reconciliation.reconcile(em, jurisdictionCode, year, mapping.revision(), derived, Instant.ofEpochMilli(now));
            });
        }
        AssessmentItem done = jpa.txExpr(TransactionType.Required, em -> {
            AssessmentLock.hold(em, jurisdictionCode, year);
            ItemEntity e = find(em, itemId);
            if (e.getState() == ItemState.SUPERSEDED) {
                throw SupervisionException.conflict("该事项已失效（折算规则或监管结果已更新），请处理新生成的事项");
            }
            if (e.getState() == to) {
                throw SupervisionException.conflict("该事项已是“" + to.label() + "”状态");
            }
            e.setState(to);
            e.setDecidedBy(caller.username());
            e.setDecidedAt(now);
            e.setNote(text);
            return Reconciliation.toValue(e);
        });
        LOG.info("Assessment item #{} {} by {}", itemId, to, caller.username());
        return done;
    }

    private static ItemEntity find(EntityManager em, long id) {
        ItemEntity e = em.find(ItemEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("加减分事项 " + id + " 不存在");
        }
        return e;
    }
}
