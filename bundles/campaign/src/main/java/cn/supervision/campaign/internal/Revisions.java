package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService.Correction;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.tx.LockRetry;
import cn.supervision.campaign.internal.model.InputEntity;
import cn.supervision.campaign.internal.model.ResultRevisionEntity;
import cn.supervision.campaign.internal.model.TransitionEntity;

/**
 * Results as a reader gets them: live while collecting and scoring, the latest published revision afterwards; a
 * correction of published results writes its inputs and a new revision, never changing an earlier one.
 */
final class Revisions {
    /** Each attempt is lost only to another correction's committed inputs: a bound against a stream of them. */
    private static final int REVISION_ATTEMPTS = 20;

    private final JpaTemplate jpa;
    private final CampaignAccess access;
    private final Records records;
    private final UnitSystems views;
    private final ResultsBook book;
    private final Clock clock;

    Revisions(JpaTemplate jpa, CampaignAccess access, Records records, UnitSystems views, ResultsBook book, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.records = records;
        this.views = views;
        this.book = book;
        this.clock = clock;
    }

    List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) {
        Campaign c = access.read(caller, campaignId);
        if (c.targetUnitIds() == null) {
            throw SupervisionException.conflict("监管活动尚未开始采集，没有结果");
        }
        access.requireResults(caller, c);
        if (c.state() == CampaignState.PUBLISHED) {
            List<ResultRevision> revisions = revisions(caller, campaignId);
            return revisions.get(revisions.size() - 1).results();
        }
        return book.compute(caller, c, gapThreshold);
    }

    List<ResultRevision> revisions(Caller caller, long campaignId) {
        Campaign c = access.read(caller, campaignId);
        access.requireResults(caller, c);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select r from ResultRevisionEntity r where r.campaignId = :c"
                        + " order by r.revision", ResultRevisionEntity.class).setParameter("c", campaignId).getResultList().stream()
                .map(r -> new ResultRevision(campaignId, r.getRevision(), r.getReason(), r.getCreatedBy(),
                        Instant.ofEpochMilli(r.getCreatedAt()), access.visibleRows(caller, c, records.results(r.getResultsJson()))))
                .toList());
    }

    ResultRevision correct(Caller caller, long campaignId, String reason, List<Correction> corrections) {
        Campaign c = access.read(caller, campaignId);
        access.requireAdminister(caller, c.jurisdictionCode());
        if (c.state() != CampaignState.PUBLISHED) {
            throw SupervisionException.conflict("只有已发布的结果才需要更正；发布前请直接修改输入");
        }
        String why = PlanValidator.reason(reason, true, "reason", "更正理由");
        if (corrections == null || corrections.isEmpty()) {
            throw SupervisionException.invalid("corrections", "至少更正一项输入");
        }
        Map<Long, Unit> units = new HashMap<>();
        access.registry().listUnits(caller, c.jurisdictionCode(), true).forEach(u -> units.put(u.id(), u));
        for (Correction k : corrections) {
            Unit u = units.get(k.unitId());
            if (u == null || !c.targetUnitIds().contains(k.unitId()) || k.input() == null
                    || !SystemCodes.inputCodes(views.view(c, u)).contains(k.code())) {
                throw SupervisionException.invalid("corrections", "更正项（单位 " + k.unitId() + "，指标 " + k.code() + "）无效");
            }
        }
        long now = clock.millis();
        List<InputEntity> rows = new ArrayList<>();
        for (Correction k : corrections) {
            rows.add(new InputEntity(campaignId, k.unitId(), k.code(), InputSource.OFFICE, records.write(k.input()), "更正：" + why,
                    caller.username(), now));
        }
        jpa.tx(TransactionType.Required, em -> {
            long version = InputClaim.claim(em, campaignId, CampaignState.PUBLISHED);
            if (version == 0) {
                throw SupervisionException.conflict("只有已发布的结果才需要更正；发布前请直接修改输入");
            }
            rows.forEach(r -> {
                r.setInputVersion(version);
                em.persist(r);
            });
        });
        book.absorb(campaignId, rows);
        for (int attempt = 0; attempt < REVISION_ATTEMPTS; attempt++) {
            ResultRevision revision = revise(caller, c, why, now);
            if (revision != null) {
                return revision;
            }
        }
        throw savedButNotRevised();
    }

    /**
     * The corrections are committed but this call wrote no revision: the next correction's revision holds them (every
     * revision is computed from all inputs committed before it), so the caller must not send them again.
     */
    private static SupervisionException savedButNotRevised() {
        return SupervisionException.busy("数据库繁忙", "更正已保存，请勿重复提交；同一活动的其他更正正在连续写入，本次更正将体现在随后生成的结果版本中");
    }

    /**
     * The next revision, computed from the inputs at the campaign's current input version; null when another correction
     * committed inputs after the computation began (compute again). Computing outside the transaction keeps scoring's
     * reads off the campaign row's lock; taking that lock to number the revision orders simultaneous corrections on any
     * node, so numbers do not collide and the latest revision holds every committed correction.
     */
    private ResultRevision revise(Caller caller, Campaign c, String why, long now) {
        long campaignId = c.id();
        long version = book.inputVersion(campaignId);
        List<UnitResult> results = book.compute(Caller.system("correct:" + caller.username()), c, null);
        String resultsJson = records.write(results); // outside the transaction: Derby's readers of the campaign row wait on it
        // the corrections are committed: a lost lock here must not send the client back to write them twice, so this
        // transaction is retried on its own (correct() is a service entry point, never called inside a transaction)
        try {
            return LockRetry.standard().call(() -> jpa.txExpr(TransactionType.Required, em -> {
                StateClaim.claim(em, campaignId, CampaignState.PUBLISHED, CampaignState.PUBLISHED);
                if (InputClaim.current(em, campaignId) != version) {
                    return null;
                }
                int next = em.createQuery("select max(r.revision) from ResultRevisionEntity r where r.campaignId = :c", Integer.class)
                        .setParameter("c", campaignId).getSingleResult() + 1;
                em.persist(new ResultRevisionEntity(campaignId, next, why, caller.username(), now, resultsJson));
                em.persist(new TransitionEntity(campaignId, CampaignState.PUBLISHED, CampaignState.PUBLISHED, "更正（第 " + next + " 版）：" + why,
                        caller.username(), now));
                return new ResultRevision(campaignId, next, why, caller.username(), Instant.ofEpochMilli(now), results);
            }));
        } catch (RuntimeException e) {
            if (LockRetry.isLostLock(e)) {
                throw savedButNotRevised();
            }
            throw e;
        }
    }
}
