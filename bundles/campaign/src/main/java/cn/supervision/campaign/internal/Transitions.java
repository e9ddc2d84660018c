package cn.supervision.campaign.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.CampaignEntity;
import cn.supervision.campaign.internal.model.ResultRevisionEntity;
import cn.supervision.campaign.internal.model.TransitionEntity;

/**
 * A campaign's life: DRAFT → COLLECTING (targets fixed, duties frozen, units told) → SCORING ⇄ COLLECTING → PUBLISHED
 * (results frozen as revision 1, publication announced), each move claimed on the row and recorded with its reason.
 */
final class Transitions {
    private final JpaTemplate jpa;
    private final CampaignAccess access;
    private final Records records;
    private final UnitSystems views;
    private final IndicatorSystemService systems;
    private final ResultsBook results;
    private final Clock clock;
    /** The registry's duties, read when a campaign with a duty-driven indicator starts collecting (Blueprint sets it). */
    DutyDirectory duties;
    /** Optional: tells the target units when collection starts (most domain tests leave it null). */
    CollectionNotices collectionNotices;
    /** Optional: where publication is announced (domain tests leave it null). */
    PublicationEvents events;

    Transitions(JpaTemplate jpa, CampaignAccess access, Records records, UnitSystems views, IndicatorSystemService systems,
                ResultsBook results, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.records = records;
        this.views = views;
        this.systems = systems;
        this.results = results;
        this.clock = clock;
    }

    Campaign transition(Caller caller, long id, CampaignState to, String reason) {
        Campaign current = access.read(caller, id);
        access.requireAdminister(caller, current.jurisdictionCode());
        if (to == null) {
            throw SupervisionException.invalid("to", "必须指定目标状态");
        }
        String why = PlanValidator.reason(reason, true, "reason", "理由");
        if (!current.state().next().contains(to)) {
            throw SupervisionException.conflict("不能从“" + current.state() + "”转为“" + to + "”（可转为：" + current.state().next() + "）");
        }
        boolean start = current.state() == CampaignState.DRAFT && to == CampaignState.COLLECTING;
        List<Long> targets = current.targetUnitIds();
        DutyFreeze.Frozen frozen = DutyFreeze.Frozen.NONE;
        if (start) {
            List<Unit> targetUnits = fixTargets(caller, current);
            targets = targetUnits.stream().map(Unit::id).toList();
            // the duties as they stand now are the ones this campaign assesses, whatever later revisions say
            frozen = new DutyFreeze(systems, duties).prepare(current, targetUnits, caller.username());
        }
        Campaign moved = null;
        for (int attempt = 1; moved == null; attempt++) {
            try {
                moved = move(caller, current, to, why, targets, frozen);
            } catch (InputsMoved m) {
                if (attempt == PUBLISH_ATTEMPTS) {
                    throw SupervisionException.conflict("发布时数据仍在变化（第 " + attempt + " 次计算后又有录入），请稍后再发布");
                }
            }
        }
        views.forget(id);
        if (to == CampaignState.PUBLISHED && events != null) {
            events.published(moved);
        }
        if (start && collectionNotices != null) {
            // the start asks the units; reopening collection from scoring is the office's follow-up with the units concerned
            collectionNotices.started(moved, views);
        }
        return moved;
    }

    /** Publication computes the results again when an input lands between computing and claiming, this many times. */
    static final int PUBLISH_ATTEMPTS = 3;

    /** An input was committed after the results to publish were computed: they are not the latest. */
    private static final class InputsMoved extends RuntimeException {
        InputsMoved() {
            super(null, null, false, false);
        }
    }

    private Campaign move(Caller caller, Campaign current, CampaignState to, String why, List<Long> fixed,
                          DutyFreeze.Frozen snapshot) {
        long id = current.id();
        boolean publish = to == CampaignState.PUBLISHED;
        // publication freezes what the results are now, computed with the platform's full view of the jurisdiction;
        // they are at least the version read first, and exactly it if the claimed row still has it
        long computedAt = publish ? results.inputVersion(id) : 0;
        List<UnitResult> published = publish ? results.compute(Caller.system("publish:" + caller.username()), current, null) : null;
        return jpa.txExpr(TransactionType.Required, em -> {
            StateClaim.claim(em, id, current.state(), to);
            CampaignEntity e = Records.find(em, id);
            if (publish && (e.getInputVersion() == null ? 0 : e.getInputVersion()) != computedAt) {
                throw new InputsMoved(); // rolls the claim back; computed again outside, where inputs are readable
            }
            records.stamp(e, records.plan(e).withTargets(fixed), caller.username(), clock.millis());
            e.setState(to);
            em.persist(new TransitionEntity(id, current.state(), to, why, caller.username(), e.getUpdatedAt()));
            DutyFreeze.write(em, id, snapshot);
            if (publish) {
                em.persist(new ResultRevisionEntity(id, 1, why, caller.username(), e.getUpdatedAt(), records.write(published)));
            }
            return records.campaign(e);
        });
    }

    /** The target units when collection starts: the plan's, or every ACTIVE unit; each needs a pinned system for its kind. */
    private List<Unit> fixTargets(Caller caller, Campaign c) {
        List<Unit> active = access.registry().listUnits(caller, c.jurisdictionCode(), false);
        List<Unit> targets = c.targetUnitIds() == null ? active
                : active.stream().filter(u -> c.targetUnitIds().contains(u.id())).toList();
        if (targets.isEmpty()) {
            throw SupervisionException.conflict("没有可监管的存续单位，不能开始采集");
        }
        Set<String> missing = new TreeSet<>();
        for (Unit u : targets) {
            if (!c.systems().containsKey(u.kind())) {
                missing.add(u.kind().label() + "（" + u.kind() + "）");
            }
        }
        if (!missing.isEmpty()) {
            throw SupervisionException.conflict("以下单位类别没有指定指标体系：" + String.join("、", missing));
        }
        return targets;
    }

    List<Transition> history(Caller caller, long id) {
        access.read(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from TransitionEntity t where t.campaignId = :c order by t.id", TransitionEntity.class)
                .setParameter("c", id).getResultList().stream()
                .map(t -> new Transition(t.getFromState(), t.getToState(), t.getReason(), t.getChangedBy(),
                        Instant.ofEpochMilli(t.getChangedAt()))).toList());
    }
}
