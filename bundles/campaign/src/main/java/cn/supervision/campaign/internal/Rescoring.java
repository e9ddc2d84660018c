package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.PreparedSystem;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/**
 * Scores a campaign's stale units against their pinned systems, prepared once per version, with the frozen duties;
 * merges first the inputs a state restored from the snapshot has not read yet.
 */
final class Rescoring {
    private static final Caller SCORING = Caller.system("scoring");
    /** Up to this many stale units are looked up one by one; more, and the jurisdiction's units are listed once. */
    static final int LOOKUPS = 8;

    private final RegistryService registry;
    private final UnitSystems views;
    private final Records records;
    private final CampaignInputs inputs;
    private final List<Scoring.Band> gradeBands;

    Rescoring(RegistryService registry, UnitSystems views, Records records, CampaignInputs inputs, List<Scoring.Band> gradeBands) {
        this.registry = registry;
        this.views = views;
        this.records = records;
        this.inputs = inputs;
        this.gradeBands = gradeBands;
    }

    void rescore(Campaign c, CampaignScores scores, List<Long> dirty) {
        if (!scores.hasAllInputs()) {
            mergeInputs(c.id(), scores, dirty.size() > LOOKUPS ? null : dirty);
        }
        Map<Long, List<DutyRecord>> frozen = views.duties(c);
        Set<Category> used = c.categories();
        for (Unit u : units(c, dirty)) {
            Long systemId = c.systems().get(u.kind());
            if (systemId != null) {
                PreparedSystem system = views.prepared(systemId);
                Evaluation e = system.evaluate(scores.inputs.getOrDefault(u.id(), Map.of()), frozen.get(u.id()));
                scores.scored(score(u, systemId, e, used));
            }
        }
    }

    /**
     * After a restore from the snapshot, with one look at the registry: a unit whose name, kind or system changed since
     * its row was scored is scored again on the next request, and one gone from the jurisdiction is dropped.
     */
    void recheck(Campaign c, CampaignScores scores, List<UnitResult> restored) {
        Map<Long, Unit> now = new HashMap<>();
        registry.listUnits(SCORING, c.jurisdictionCode(), true).forEach(u -> now.put(u.id(), u));
        for (UnitResult r : restored) {
            Unit u = now.get(r.unitId());
            if (u == null || !u.name().equals(r.unitName()) || !u.kind().name().equals(r.unitKind())
                    || !Long.valueOf(r.systemId()).equals(c.systems().get(u.kind()))) {
                scores.unscored(r.unitId());
            }
        }
    }

    /**
     * Merges the inputs a state restored from the snapshot has not read yet: of the given units, or of all when
     * {@code unitIds} is null. Merging is by id, so rows already handed over count once.
     */
    void mergeInputs(long campaignId, CampaignScores scores, List<Long> unitIds) {
        if (unitIds == null) {
            inputs.upTo(campaignId, scores.version).forEach(i -> merge(scores, i));
            scores.inputsMerged(null);
            return;
        }
        for (Long unitId : unitIds) {
            if (!scores.hasInputsOf(unitId)) {
                inputs.ofUnit(campaignId, unitId, scores.version).forEach(i -> merge(scores, i));
                scores.inputsMerged(unitId);
            }
        }
    }

    private void merge(CampaignScores scores, InputRow i) {
        if (i.review() == ReviewStatus.ACCEPTED) {
            scores.merge(i, records.input(i.inputJson()));
        }
    }

    /** The registry's record of each of {@code ids} in the campaign's jurisdiction, in the order of {@code ids}. */
    private List<Unit> units(Campaign c, List<Long> ids) {
        Map<Long, Unit> found = new HashMap<>();
        if (ids.size() <= LOOKUPS) {
            for (Long id : ids) {
                try {
                    Unit u = registry.getUnit(SCORING, id);
                    if (u.jurisdictionCode().equals(c.jurisdictionCode())) {
                        found.put(id, u);
                    }
                } catch (SupervisionException e) {
                    if (e.kind() != ProblemKind.NOT_FOUND) {
                        throw e;
                    }
                }
            }
        } else {
            registry.listUnits(SCORING, c.jurisdictionCode(), true).forEach(u -> found.put(u.id(), u));
        }
        return ids.stream().map(found::get).filter(u -> u != null).toList();
    }

    private UnitResult score(Unit u, long systemId, Evaluation e, Set<Category> used) {
        BigDecimal total = Scoring.total(e, used);
        BigDecimal duty = Scoring.view(e, used, Dimension.DUTY);
        BigDecimal corroboration = Scoring.view(e, used, Dimension.CORROBORATION);
        BigDecimal gap = Scoring.gap(e, used);
        int missing = (int) e.warnings().stream().filter(w -> w.contains("按 0 分计")).count();
        return new UnitResult(u.id(), u.name(), u.kind().name(), systemId, total, Scoring.grade(total, e.topGradeBarred(), gradeBands),
                duty, corroboration, gap, false, 0, 0, missing, Scoring.gapDrivers(e, used, duty, corroboration), e);
    }
}
