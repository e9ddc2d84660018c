package cn.supervision.campaign.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;

/**
 * Who may do what with a campaign, asked of the registry's policy, and what a reader is shown: the working group and
 * evaluators' names are for the office only.
 */
final class CampaignAccess {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Records records;

    CampaignAccess(JpaTemplate jpa, RegistryService registry, Records records) {
        this.jpa = jpa;
        this.registry = registry;
        this.records = records;
    }

    RegistryService registry() {
        return registry;
    }

    static Target target(Campaign c) {
        return Target.of(c.jurisdictionCode()).published(c.state() == CampaignState.PUBLISHED);
    }

    static Target target(Campaign c, Unit u) {
        return new Target(c.jurisdictionCode(), u.code(), c.state() == CampaignState.PUBLISHED);
    }

    /** The campaign as stored, once the caller may read it: for this service's own decisions (it keeps the group). */
    Campaign read(Caller caller, long id) {
        Campaign c = jpa.txExpr(TransactionType.Supports, em -> records.campaign(Records.find(em, id)));
        registry.access().require(caller, Operation.READ_CAMPAIGN, target(c));
        return c;
    }

    /** Each office runs its own campaigns: the city reads its counties' published results but does not run theirs. */
    void requireAdminister(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.MANAGE_CAMPAIGN, jurisdictionCode);
    }

    /** The whole jurisdiction's results (an office, a leader, a partner once published), or a unit's own row. */
    void requireResults(Caller caller, Campaign c) {
        Access access = registry.access();
        if (!access.may(caller, Operation.READ_RESULTS, target(c))
                && (caller.unitCode() == null || !access.may(caller, Operation.READ_RESULTS,
                        new Target(c.jurisdictionCode(), caller.unitCode(), c.state() == CampaignState.PUBLISHED)))) {
            throw Access.denied(Operation.READ_RESULTS, target(c));
        }
    }

    /** The rows of {@code results} the caller may read. */
    List<UnitResult> visibleRows(Caller caller, Campaign c, List<UnitResult> results) {
        Access access = registry.access();
        if (access.may(caller, Operation.READ_RESULTS, target(c))) {
            return results;
        }
        Set<Long> own = registry.listUnits(caller, c.jurisdictionCode(), true).stream()
                .filter(u -> access.may(caller, Operation.READ_RESULTS, target(c, u))).map(Unit::id).collect(Collectors.toSet());
        return results.stream().filter(r -> own.contains(r.unitId())).toList();
    }

    /** Who graded is for the office: unit users and partners read the plan without the working group. */
    Campaign visibleTo(Caller caller, Campaign c) {
        if (registry.access().may(caller, Operation.READ_WORKING_GROUP, target(c))) {
            return c;
        }
        return new Campaign(c.id(), c.jurisdictionCode(), c.kind(), c.title(), c.description(), c.period(), c.systems(),
                c.categories(), c.collectionDeadline(), c.scoringDeadline(), c.targetUnitIds(), List.of(), c.state(),
                c.rolledFrom(), c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy(), c.latePolicy());
    }

    /** What a reader of a unit's inputs may see: a unit never learns which evaluator gave which grade. */
    InputRecord visibleTo(Caller caller, Campaign c, InputRecord r) {
        if (r.source() != InputSource.EVALUATOR || registry.access().may(caller, Operation.READ_WORKING_GROUP, target(c))) {
            return r;
        }
        String pseudonym = pseudonyms(c.workingGroup()).getOrDefault(r.enteredBy(), "评价人");
        IndicatorInput in = r.input();
        IndicatorInput anonymous = new IndicatorInput(in.value(), in.occurrences(), in.state(),
                in.grades().stream().map(g -> new IndicatorInput.Grade(pseudonym, g.label(), g.justification())).toList(),
                in.triggered(), in.source());
        return new InputRecord(r.id(), r.campaignId(), r.unitId(), r.code(), anonymous, r.source(), r.explanation(), pseudonym,
                r.enteredAt(), r.review(), r.reviewNote(), r.reviewedBy(), r.late());
    }

    /** Evaluators are scored and shown under a pseudonym (评价人1, 2 … in working-group order). */
    static Map<String, String> pseudonyms(List<Member> workingGroup) {
        Map<String, String> names = new HashMap<>();
        for (Member m : workingGroup == null ? List.<Member>of() : workingGroup) {
            names.putIfAbsent(m.username(), "评价人" + (names.size() + 1));
        }
        return names;
    }
}
