package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.CampaignDeadlines;
import cn.supervision.api.campaign.LatePolicy;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.campaign.internal.model.CampaignEntity;
import cn.supervision.campaign.internal.model.EvidenceEntity;
import cn.supervision.campaign.internal.model.InputEntity;
import cn.supervision.campaign.internal.model.ResultRevisionEntity;
import cn.supervision.campaign.internal.model.TransitionEntity;

/** Campaigns on OpenJPA. Authority comes from the registry, pinned systems from the indicator service. */
public class JpaCampaignService implements CampaignService {
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4_000;
    static final int MAX_REASON = 500;

    /** The plan as stored: everything of a campaign that is not identity, state or audit. */
    record Plan(String title, String description, Period period, Map<UnitKind, Long> systems, Set<Category> categories,
                LocalDate collectionDeadline, LocalDate scoringDeadline, List<Long> targetUnitIds, List<Member> workingGroup,
                LatePolicy latePolicy) {
        Plan {
            // plans stored before late policies existed read back as MARK_LATE
            latePolicy = latePolicy == null ? LatePolicy.MARK_LATE : latePolicy;
            workingGroup = workingGroup == null ? List.of() : List.copyOf(workingGroup);
            // enum order whatever JSON gave back: stable answers, stable stored text
            java.util.EnumMap<UnitKind, Long> pinned = new java.util.EnumMap<>(UnitKind.class);
            if (systems != null) {
                pinned.putAll(systems);
            }
            systems = java.util.Collections.unmodifiableMap(pinned);
            categories = categories == null || categories.isEmpty() ? Set.of()
                    : java.util.Collections.unmodifiableSet(EnumSet.copyOf(categories));
        }
    }

    /**
     * What scoring a campaign needs, kept current: every unit's merged inputs and, for units whose inputs have not
     * changed since, their last result. Recording an input marks only that unit for rescoring. {@code lastInputId}
     * detects inputs written by anyone else (another node, a restore): then everything is rebuilt.
     */
    static final class ScoringCache {
        /** Evaluators are scored under a pseudonym (评价人1, 2 … in working-group order): results never name them. */
        final Map<String, String> pseudonyms;
        final Map<Long, Map<String, IndicatorInput>> inputs = new java.util.HashMap<>();
        final Map<String, Map<String, IndicatorInput.Grade>> grades = new java.util.HashMap<>();
        final Map<Long, UnitResult> scored = new java.util.HashMap<>();
        long lastInputId;

        ScoringCache(List<Member> workingGroup) {
            pseudonyms = pseudonyms(workingGroup);
        }

        String pseudonym(String evaluator) {
            return pseudonyms.getOrDefault(evaluator, "评价人");
        }
    }

    static Map<String, String> pseudonyms(List<Member> workingGroup) {
        Map<String, String> names = new java.util.HashMap<>();
        for (Member m : workingGroup == null ? List.<Member>of() : workingGroup) {
            names.putIfAbsent(m.username(), "评价人" + (names.size() + 1));
        }
        return names;
    }

    private final Map<Long, ScoringCache> caches = new java.util.concurrent.ConcurrentHashMap<>();
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final IndicatorSystemService systems;
    private final UnitSystems views;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Scoring.Band> gradeBands;

    public JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems) {
        this(jpa, registry, systems, Scoring.DEFAULT_BANDS);
    }

    /** {@code gradeBands} from etc/cn.supervision.campaign.cfg, e.g. "优秀:90,良好:80,一般:60,较差:0". */
    public JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, String gradeBands) {
        this(jpa, registry, systems, Scoring.parseBands(gradeBands));
    }

    JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, List<Scoring.Band> gradeBands) {
        this(jpa, registry, systems, gradeBands, Clock.systemUTC());
    }

    /** Tests control time: deadlines are judged against this clock. */
    JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, List<Scoring.Band> gradeBands,
                       Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.systems = systems;
        this.views = new UnitSystems(jpa, systems);
        this.gradeBands = gradeBands;
        this.clock = clock;
        Records records = new Records();
        this.recorder = new InputRecorder(jpa, new CampaignAccess(jpa, registry, records), views, records, clock,
                rows -> absorb(rows.get(0).getCampaignId(), rows));
    }

    private final InputRecorder recorder;

    /** The registry's duties, read when a campaign with a duty-driven indicator starts collecting (Blueprint sets it). */
    private DutyDirectory duties;

    public void setDuties(DutyDirectory duties) {
        this.duties = duties;
    }

    /**
     * Blueprint init: schema changes OpenJPA does not make by itself. Input sources grew from 16 to 24 characters when
     * the questionnaire and platform-data channels came (PUBLIC_EVALUATION).
     */
    public void upgradeSchema() {
        SchemaUpgrade.widen(jpa, "SV_CAMPAIGN_INPUT", "SOURCE", 24);
    }

    /** Each office runs its own campaigns: the city reads its counties' published results but does not run theirs. */
    private void requireAdminister(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.MANAGE_CAMPAIGN, jurisdictionCode);
    }

    private static Target target(Campaign c) {
        return Target.of(c.jurisdictionCode()).published(c.state() == CampaignState.PUBLISHED);
    }

    private static Target target(Campaign c, Unit u) {
        return new Target(c.jurisdictionCode(), u.code(), c.state() == CampaignState.PUBLISHED);
    }

    /** Who graded is for the office: unit users and partners read the plan without the working group. */
    private Campaign visibleTo(Caller caller, Access access, Campaign c) {
        if (access.may(caller, Operation.READ_WORKING_GROUP, target(c))) {
            return c;
        }
        return new Campaign(c.id(), c.jurisdictionCode(), c.kind(), c.title(), c.description(), c.period(), c.systems(),
                c.categories(), c.collectionDeadline(), c.scoringDeadline(), c.targetUnitIds(), List.of(), c.state(),
                c.rolledFrom(), c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy(), c.latePolicy());
    }

    @Override
    public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
        Set<String> visible = jurisdictionCode != null ? Set.of(registry.getJurisdiction(caller, jurisdictionCode).code())
                : registry.listJurisdictions(caller).stream().map(Jurisdiction::code).collect(Collectors.toSet());
        List<Campaign> found = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select c from CampaignEntity c where c.jurisdictionCode in :codes"
                    + (state == null ? "" : " and c.state = :state") + " order by c.id", CampaignEntity.class)
                    .setParameter("codes", visible);
            if (state != null) {
                q.setParameter("state", state);
            }
            return q.getResultList().stream().map(this::toValue).toList();
        });
        Access access = registry.access();
        return access.filter(caller, Operation.READ_CAMPAIGN, found, JpaCampaignService::target).stream()
                .map(c -> visibleTo(caller, access, c)).toList();
    }

    @Override
    public Campaign get(Caller caller, long id) {
        Access access = registry.access();
        Campaign c = read(caller, id);
        return visibleTo(caller, access, c);
    }

    /** The campaign as stored, once the caller may read it: for this service's own decisions (it keeps the group). */
    private Campaign read(Caller caller, long id) {
        Campaign c = jpa.txExpr(TransactionType.Supports, em -> toValue(find(em, id)));
        registry.access().require(caller, Operation.READ_CAMPAIGN, target(c));
        return c;
    }

    @Override
    public Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft) {
        requireAdminister(caller, jurisdictionCode);
        Plan plan = checked(caller, jurisdictionCode, draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = new CampaignEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setKind(draft.kind());
            e.setState(CampaignState.DRAFT);
            e.setCreatedAt(clock.millis());
            e.setCreatedBy(caller.username());
            apply(e, plan, caller);
            em.persist(e);
            em.flush();
            em.persist(new TransitionEntity(e.getId(), null, CampaignState.DRAFT, "创建", caller.username(), e.getCreatedAt()));
            return toValue(e);
        });
    }

    @Override
    public Campaign update(Caller caller, long id, CampaignDraft draft) {
        Campaign current = read(caller, id);
        requireAdminister(caller, current.jurisdictionCode());
        if (current.state() != CampaignState.DRAFT) {
            throw SupervisionException.conflict("监管活动已进入“" + current.state() + "”阶段，计划不能再修改");
        }
        if (draft != null && draft.kind() != null && draft.kind() != current.kind()) {
            throw SupervisionException.invalid("kind", "不能改变监管类型；请新建活动");
        }
        Plan plan = checked(caller, current.jurisdictionCode(), draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = find(em, id);
            apply(e, plan, caller);
            return toValue(e);
        });
    }

    @Override
    public Campaign transition(Caller caller, long id, CampaignState to, String reason) {
        Campaign current = read(caller, id);
        requireAdminister(caller, current.jurisdictionCode());
        if (to == null) {
            throw SupervisionException.invalid("to", "必须指定目标状态");
        }
        String why = reason(reason, true, "reason", "理由");
        if (!current.state().next().contains(to)) {
            throw SupervisionException.conflict("不能从“" + current.state() + "”转为“" + to + "”（可转为：" + current.state().next() + "）");
        }
        List<Long> targets = current.targetUnitIds();
        DutyFreeze.Frozen frozen = DutyFreeze.Frozen.NONE;
        if (current.state() == CampaignState.DRAFT && to == CampaignState.COLLECTING) {
            List<Unit> targetUnits = fixTargets(caller, current);
            targets = targetUnits.stream().map(Unit::id).toList();
            // the duties as they stand now are the ones this campaign assesses, whatever later revisions say
            frozen = new DutyFreeze(systems, duties).prepare(current, targetUnits, caller.username());
        }
        List<Long> fixed = targets;
        DutyFreeze.Frozen snapshot = frozen;
        // publication freezes what the results are now, computed with the platform's full view of the jurisdiction
        List<UnitResult> published = to == CampaignState.PUBLISHED ? compute(Caller.system("publish:" + caller.username()), current, null) : null;
        Campaign moved = jpa.txExpr(TransactionType.Required, em -> {
            StateClaim.claim(em, id, current.state(), to);
            CampaignEntity e = find(em, id);
            Plan p = plan(e);
            apply(e, new Plan(p.title(), p.description(), p.period(), p.systems(), p.categories(), p.collectionDeadline(),
                    p.scoringDeadline(), fixed, p.workingGroup(), p.latePolicy()), caller);
            e.setState(to);
            em.persist(new TransitionEntity(id, current.state(), to, why, caller.username(), e.getUpdatedAt()));
            DutyFreeze.write(em, id, snapshot);
            if (to == CampaignState.PUBLISHED) {
                em.persist(new ResultRevisionEntity(id, 1, why, caller.username(), e.getUpdatedAt(), resultsJson(published)));
            }
            return toValue(e);
        });
        views.forget(id);
        if (to == CampaignState.PUBLISHED && events != null) {
            events.published(moved);
        }
        if (current.state() == CampaignState.DRAFT && to == CampaignState.COLLECTING && collectionNotices != null) {
            // the start asks the units; reopening collection from scoring is the office's follow-up with the units concerned
            collectionNotices.started(moved, views);
        }
        return moved;
    }

    /** Optional: tells the target units when collection starts (Blueprint sets it; most domain tests leave it null). */
    private CollectionNotices collectionNotices;

    public void setCollectionNotices(CollectionNotices collectionNotices) {
        this.collectionNotices = collectionNotices;
    }

    /** Optional: where publication is announced (Blueprint sets it; domain tests leave it null). */
    private PublicationEvents events;

    public void setEvents(PublicationEvents events) {
        this.events = events;
    }

    /** The target units when collection starts: the plan's, or every ACTIVE unit; each needs a pinned system for its kind. */
    private List<Unit> fixTargets(Caller caller, Campaign c) {
        List<Unit> active = registry.listUnits(caller, c.jurisdictionCode(), false);
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

    @Override
    public List<Transition> history(Caller caller, long id) {
        read(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from TransitionEntity t where t.campaignId = :c order by t.id", TransitionEntity.class)
                .setParameter("c", id).getResultList().stream()
                .map(t -> new Transition(t.getFromState(), t.getToState(), t.getReason(), t.getChangedBy(),
                        Instant.ofEpochMilli(t.getChangedAt()))).toList());
    }

    @Override
    public Campaign rollover(Caller caller, long id) {
        Campaign c = read(caller, id);
        requireAdminister(caller, c.jurisdictionCode());
        if (c.kind() != CampaignKind.ROUTINE) {
            throw SupervisionException.conflict("只有常规监管可以滚动到下一周期");
        }
        // targets are fixed again when the next period's collection starts: units merge and appear between periods
        Campaign next = create(caller, c.jurisdictionCode(), new CampaignDraft(c.kind(), c.title(), c.description(), c.period().next(),
                c.systems(), c.categories(), null, null, null, c.workingGroup(), c.latePolicy()));
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = find(em, next.id());
            e.setRolledFrom(id);
            return toValue(e);
        });
    }

    // ------------------------------------------------------------------ inputs and results

    static final int MAX_EXPLANATION = 2_000;

    @Override
    public InputRecord recordInput(Caller caller, long campaignId, long unitId, String code, IndicatorInput input,
                                   InputSource source, String explanation) {
        return recorder.recordOne(caller, read(caller, campaignId), new InputDraft(unitId, code, input, source, explanation));
    }

    @Override
    public InputBatch recordInputs(Caller caller, long campaignId, List<InputDraft> inputs) {
        return recorder.record(caller, read(caller, campaignId), inputs);
    }

    /** Whether {@code at} (epoch millis) is after the end of the collection deadline day in Asia/Shanghai. */
    static boolean late(Campaign c, long at) {
        Instant end = CampaignDeadlines.endOf(c.collectionDeadline());
        return end != null && at >= end.toEpochMilli();
    }

    /** What a reader of a unit's inputs may see: a unit never learns which evaluator gave which grade. */
    private InputRecord visibleTo(Caller caller, Access access, Campaign c, InputRecord r) {
        if (r.source() != InputSource.EVALUATOR || access.may(caller, Operation.READ_WORKING_GROUP, target(c))) {
            return r;
        }
        Map<String, String> names = pseudonyms(c.workingGroup());
        String pseudonym = names.getOrDefault(r.enteredBy(), "评价人");
        IndicatorInput in = r.input();
        IndicatorInput anonymous = new IndicatorInput(in.value(), in.occurrences(), in.state(),
                in.grades().stream().map(g -> new IndicatorInput.Grade(pseudonym, g.label(), g.justification())).toList(),
                in.triggered(), in.source());
        return new InputRecord(r.id(), r.campaignId(), r.unitId(), r.code(), anonymous, r.source(), r.explanation(), pseudonym,
                r.enteredAt(), r.review(), r.reviewNote(), r.reviewedBy(), r.late());
    }

    /** Every leaf of a system's tree, at any depth. */
    static List<Indicator> leaves(SystemDefinition d) {
        List<Indicator> leaves = new ArrayList<>();
        java.util.ArrayDeque<Indicator> pending = new java.util.ArrayDeque<>(d.indicators());
        while (!pending.isEmpty()) {
            Indicator n = pending.pop();
            if (n.leaf()) {
                leaves.add(n);
            }
            pending.addAll(n.children());
        }
        return leaves;
    }

    /** The duty-driven indicator {@code code} is an expanded leaf of in {@code d}; null for any other code. */
    static String templateOf(SystemDefinition d, String code) {
        java.util.ArrayDeque<Indicator> pending = new java.util.ArrayDeque<>(d == null ? List.of() : d.indicators());
        while (!pending.isEmpty()) {
            Indicator n = pending.pop();
            if (n.expanded() && n.children().stream().anyMatch(x -> x.code().equals(code))) {
                return n.code();
            }
            pending.addAll(n.children());
        }
        return null;
    }

    /** The codes an input may name: every leaf and every adjustment item. */
    private static Set<String> codesOf(SystemDefinition d) {
        Set<String> codes = new java.util.HashSet<>();
        leaves(d).forEach(n -> codes.add(n.code()));
        d.adjustments().forEach(a -> codes.add(a.code()));
        return codes;
    }

    @Override
    public List<InputRecord> inputs(Caller caller, long campaignId, long unitId) {
        Campaign c = read(caller, campaignId);
        Unit unit = registry.getUnit(caller, unitId);
        Access access = registry.access();
        access.require(caller, Operation.READ_INPUTS, target(c, unit));
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select i from InputEntity i where i.campaignId = :c"
                        + " and i.unitId = :u order by i.id", InputEntity.class).setParameter("c", campaignId).setParameter("u", unitId)
                .getResultList().stream().map(e -> toValue(e, c)).map(r -> visibleTo(caller, access, c, r)).toList());
    }

    @Override
    public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) {
        Campaign c = read(caller, campaignId);
        if (c.targetUnitIds() == null) {
            throw SupervisionException.conflict("监管活动尚未开始采集，没有结果");
        }
        requireResults(caller, c);
        if (c.state() == CampaignState.PUBLISHED) {
            List<ResultRevision> revisions = revisions(caller, campaignId);
            return revisions.get(revisions.size() - 1).results();
        }
        return compute(caller, c, gapThreshold);
    }

    /** The whole jurisdiction's results (an office, a leader, a partner once published), or a unit's own row. */
    private void requireResults(Caller caller, Campaign c) {
        Access access = registry.access();
        if (!access.may(caller, Operation.READ_RESULTS, target(c))
                && (caller.unitCode() == null || !access.may(caller, Operation.READ_RESULTS,
                        new Target(c.jurisdictionCode(), caller.unitCode(), c.state() == CampaignState.PUBLISHED)))) {
            throw Access.denied(Operation.READ_RESULTS, target(c));
        }
    }

    /** The rows of {@code results} the caller may read. */
    private List<UnitResult> visibleRows(Caller caller, Campaign c, List<UnitResult> results) {
        Access access = registry.access();
        if (access.may(caller, Operation.READ_RESULTS, target(c))) {
            return results;
        }
        Set<Long> own = registry.listUnits(caller, c.jurisdictionCode(), true).stream()
                .filter(u -> access.may(caller, Operation.READ_RESULTS, target(c, u))).map(Unit::id).collect(Collectors.toSet());
        return results.stream().filter(r -> own.contains(r.unitId())).toList();
    }

    private List<UnitResult> compute(Caller caller, Campaign c, BigDecimal gapThreshold) {
        BigDecimal threshold = gapThreshold == null ? BigDecimal.valueOf(20) : gapThreshold;
        Map<Long, Unit> visible = new java.util.HashMap<>();
        registry.listUnits(caller, c.jurisdictionCode(), true).forEach(u -> visible.put(u.id(), u));
        Map<Long, Unit> all = new java.util.HashMap<>();
        registry.listUnits(Caller.system("scoring"), c.jurisdictionCode(), true).forEach(u -> all.put(u.id(), u));
        ScoringCache cache = cache(c);
        List<UnitResult> ranked;
        synchronized (cache) {
            // rescore only the units whose inputs changed, one system at a time (read and validated once)
            Map<Long, Map<Long, Map<String, IndicatorInput>>> dirtyBySystem = new java.util.HashMap<>();
            for (Long unitId : c.targetUnitIds()) {
                Unit u = all.get(unitId);
                if (u != null && !cache.scored.containsKey(unitId)) {
                    dirtyBySystem.computeIfAbsent(c.systems().get(u.kind()), k -> new java.util.LinkedHashMap<>())
                            .put(unitId, cache.inputs.getOrDefault(unitId, Map.of()));
                }
            }
            Map<Long, List<DutyRecord>> frozen = views.duties(c);
            for (Map.Entry<Long, Map<Long, Map<String, IndicatorInput>>> batch : dirtyBySystem.entrySet()) {
                Map<Long, List<DutyRecord>> dutiesByUnit = new java.util.HashMap<>();
                batch.getValue().keySet().stream().filter(frozen::containsKey).forEach(u -> dutiesByUnit.put(u, frozen.get(u)));
                Map<Long, Evaluation> evaluations = dutiesByUnit.isEmpty()
                        ? systems.evaluateAll(Caller.system("scoring"), batch.getKey(), batch.getValue())
                        : systems.evaluateAll(Caller.system("scoring"), batch.getKey(), batch.getValue(), dutiesByUnit);
                evaluations.forEach((unitId, e) -> cache.scored.put(unitId, score(all.get(unitId), batch.getKey(), e, c.categories())));
            }
            List<UnitResult> targets = new ArrayList<>();
            for (Long unitId : c.targetUnitIds()) {
                UnitResult r = cache.scored.get(unitId);
                if (r != null) {
                    targets.add(r);
                }
            }
            ranked = Scoring.ranked(targets);
        }
        List<UnitResult> out = new ArrayList<>();
        for (UnitResult r : ranked) {
            if (visible.containsKey(r.unitId())) {
                boolean flagged = r.gap() != null && r.gap().compareTo(threshold) > 0;
                out.add(new UnitResult(r.unitId(), r.unitName(), r.unitKind(), r.systemId(), r.total(), r.grade(), r.dutyView(),
                        r.corroborationView(), r.gap(), flagged, r.rank(), r.rankInKind(), r.missingInputs(),
                        flagged ? r.gapDrivers() : List.of(), r.evaluation()));
            }
        }
        return out;
    }

    private UnitResult score(Unit u, long systemId, Evaluation e, Set<Category> used) {
        BigDecimal total = Scoring.total(e, used);
        BigDecimal duty = Scoring.view(e, used, Dimension.DUTY);
        BigDecimal corroboration = Scoring.view(e, used, Dimension.CORROBORATION);
        BigDecimal gap = duty == null || corroboration == null ? null : duty.subtract(corroboration).abs();
        int missing = (int) e.warnings().stream().filter(w -> w.contains("按 0 分计")).count();
        return new UnitResult(u.id(), u.name(), u.kind().name(), systemId, total, Scoring.grade(total, e.topGradeBarred(), gradeBands),
                duty, corroboration, gap, false, 0, 0, missing, Scoring.gapDrivers(e, used, duty, corroboration), e);
    }

    /** For the benchmark: the cache, to make every unit dirty again. */
    ScoringCache cacheForBench(long campaignId) {
        return cache(read(Caller.system("bench"), campaignId));
    }

    /** The campaign's scoring cache, rebuilt from the database when inputs were written behind its back. */
    private ScoringCache cache(Campaign c) {
        long campaignId = c.id();
        Long last = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select max(i.id) from InputEntity i where i.campaignId = :c", Long.class).setParameter("c", campaignId).getSingleResult());
        ScoringCache cache = caches.get(campaignId);
        if (cache != null && cache.lastInputId == (last == null ? 0 : last)) {
            return cache;
        }
        ScoringCache fresh = new ScoringCache(c.workingGroup());
        caches.put(campaignId, fresh);
        absorb(campaignId, jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select i from InputEntity i where i.campaignId = :c order by i.id", InputEntity.class)
                .setParameter("c", campaignId).getResultList()));
        return fresh;
    }

    /**
     * Merges recorded inputs into the cache in id order: the latest record's value/occurrences/state/trigger, every
     * evaluator's latest grade; the units touched are rescored on the next request.
     */
    private void absorb(long campaignId, List<InputEntity> records) {
        ScoringCache cache = caches.get(campaignId);
        if (cache == null) {
            return; // built from the database on first use
        }
        synchronized (cache) {
            for (InputEntity i : records) {
                cache.lastInputId = Math.max(cache.lastInputId, i.getId());
                if (i.getReview() != ReviewStatus.ACCEPTED) {
                    continue; // a self-report counts once the office accepted it
                }
                IndicatorInput in = toValue(i).input();
                boolean graded = i.getSource() == InputSource.EVALUATOR;
                String source = i.getSource() + " " + (graded ? cache.pseudonym(i.getEnteredBy()) : i.getEnteredBy()) + " "
                        + Instant.ofEpochMilli(i.getEnteredAt());
                Map<String, IndicatorInput> unit = cache.inputs.computeIfAbsent(i.getUnitId(), k -> new java.util.HashMap<>());
                IndicatorInput prev = unit.get(i.getCode());
                if (graded) {
                    Map<String, IndicatorInput.Grade> byEvaluator = cache.grades.computeIfAbsent(i.getUnitId() + "/" + i.getCode(),
                            k -> new java.util.TreeMap<>());
                    in.grades().forEach(g -> byEvaluator.put(g.evaluator(),
                            new IndicatorInput.Grade(cache.pseudonym(g.evaluator()), g.label(), g.justification())));
                    unit.put(i.getCode(), new IndicatorInput(prev == null ? null : prev.value(), prev == null ? null : prev.occurrences(),
                            prev == null ? null : prev.state(), List.copyOf(byEvaluator.values()), prev == null ? null : prev.triggered(),
                            source));
                } else {
                    unit.put(i.getCode(), new IndicatorInput(in.value(), in.occurrences(), in.state(),
                            prev == null ? List.of() : prev.grades(), in.triggered(), source));
                }
                cache.scored.remove(i.getUnitId());
            }
        }
    }

    @Override
    public List<Coverage> coverage(Caller caller, long campaignId) {
        Campaign c = read(caller, campaignId);
        registry.access().require(caller, Operation.READ_INPUTS, target(c));
        if (c.targetUnitIds() == null) {
            throw SupervisionException.conflict("监管活动尚未开始采集");
        }
        Map<Long, Set<String>> leavesBySystem = new java.util.HashMap<>();
        ScoringCache cache = cache(c);
        List<Coverage> out = new ArrayList<>();
        for (Unit u : registry.listUnits(caller, c.jurisdictionCode(), true)) {
            if (!c.targetUnitIds().contains(u.id())) {
                continue;
            }
            long systemId = c.systems().get(u.kind());
            Set<String> leaves = views.duties(c, u.id()).isEmpty()
                    ? leavesBySystem.computeIfAbsent(systemId, id -> leafCodes(views.pinned(id), c.categories()))
                    : leafCodes(views.view(c, u), c.categories());
            Map<String, IndicatorInput> have;
            synchronized (cache) {
                have = Map.copyOf(cache.inputs.getOrDefault(u.id(), Map.of()));
            }
            List<String> missing = leaves.stream().filter(code -> !have.containsKey(code)).sorted().toList();
            if (!missing.isEmpty()) {
                out.add(new Coverage(u.id(), u.name(), missing));
            }
        }
        return out;
    }

    @Override
    public List<DutyLeaf> dutyLeaves(Caller caller, long campaignId, Long unitId) {
        Campaign c = read(caller, campaignId);
        requireResults(caller, c);
        Unit unit = unitId == null ? null : registry.getUnit(caller, unitId);
        if (c.targetUnitIds() == null) {
            return List.of();
        }
        if (unit != null && !c.targetUnitIds().contains(unit.id())) {
            throw SupervisionException.notFound("单位 " + unitId + " 不是本次监管活动的对象");
        }
        // the scores are those of the result rows the caller may read (the latest revision once published)
        Map<Long, UnitResult> rows = new java.util.HashMap<>();
        results(caller, campaignId, null).forEach(r -> rows.put(r.unitId(), r));
        if (unit != null && !rows.containsKey(unit.id())) {
            throw Access.denied(Operation.READ_RESULTS, target(c, unit));
        }
        Map<Long, List<DutyRecord>> frozen = views.duties(c);
        List<DutyLeaf> out = new ArrayList<>();
        for (cn.supervision.campaign.internal.model.DutyLeafEntity l : views.leaves(campaignId, unitId)) {
            UnitResult r = rows.get(l.getUnitId());
            DutyRecord duty = frozen.getOrDefault(l.getUnitId(), List.of()).stream().filter(d -> d.id() == l.getDutyId())
                    .findFirst().orElse(null);
            if (r == null || duty == null) {
                continue;
            }
            Evaluation.NodeScore n = node(r.evaluation() == null ? List.of() : r.evaluation().indicators(), l.getCode());
            // a leaf nobody gave an input for is not assessed yet: no score rather than the 0 the total counts it as
            BigDecimal score = n == null || n.source() == null ? null : n.score();
            out.add(new DutyLeaf(campaignId, l.getUnitId(), l.getTemplateCode(), l.getCode(), l.getDutyId(), l.getDutyNumber(),
                    duty.text(), duty.type(), plain(l.getSharePercent()), score, n == null ? null : n.max()));
        }
        return out;
    }

    /** The stored share without the column's trailing zeros, never in exponent notation (100, not 1E+2). */
    private static BigDecimal plain(BigDecimal share) {
        BigDecimal s = share.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Evaluation.NodeScore node(List<Evaluation.NodeScore> nodes, String code) {
        for (Evaluation.NodeScore n : nodes) {
            Evaluation.NodeScore found = n.code().equals(code) ? n : node(n.children(), code);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public SystemDefinition systemFor(Caller caller, long campaignId, long unitId) {
        Campaign c = read(caller, campaignId);
        Unit unit = registry.getUnit(caller, unitId); // a unit user: its own unit only
        if (!unit.jurisdictionCode().equals(c.jurisdictionCode())
                || (c.targetUnitIds() != null && !c.targetUnitIds().contains(unitId))) {
            throw SupervisionException.notFound("单位 " + unitId + " 不是本次监管活动的对象");
        }
        SystemDefinition view = views.view(c, unit);
        if (view == null) {
            throw SupervisionException.notFound("本次监管活动没有为" + unit.kind().label() + "指定指标体系");
        }
        return view;
    }

    private static Set<String> leafCodes(SystemDefinition d, Set<Category> used) {
        return leaves(d).stream().filter(n -> used.contains(n.category())).map(Indicator::code).collect(Collectors.toSet());
    }

    @Override
    public List<ResultRevision> revisions(Caller caller, long campaignId) {
        Campaign c = read(caller, campaignId);
        requireResults(caller, c);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select r from ResultRevisionEntity r where r.campaignId = :c"
                        + " order by r.revision", ResultRevisionEntity.class).setParameter("c", campaignId).getResultList().stream()
                .map(r -> new ResultRevision(campaignId, r.getRevision(), r.getReason(), r.getCreatedBy(),
                        Instant.ofEpochMilli(r.getCreatedAt()), visibleRows(caller, c, readResults(r.getResultsJson())))).toList());
    }

    @Override
    public ResultRevision correct(Caller caller, long campaignId, String reason, List<Correction> corrections) {
        Campaign c = read(caller, campaignId);
        requireAdminister(caller, c.jurisdictionCode());
        if (c.state() != CampaignState.PUBLISHED) {
            throw SupervisionException.conflict("只有已发布的结果才需要更正；发布前请直接修改输入");
        }
        String why = reason(reason, true, "reason", "更正理由");
        if (corrections == null || corrections.isEmpty()) {
            throw SupervisionException.invalid("corrections", "至少更正一项输入");
        }
        Map<Long, Unit> units = new java.util.HashMap<>();
        registry.listUnits(caller, c.jurisdictionCode(), true).forEach(u -> units.put(u.id(), u));
        for (Correction k : corrections) {
            Unit u = units.get(k.unitId());
            if (u == null || !c.targetUnitIds().contains(k.unitId()) || k.input() == null
                    || !codesOf(views.view(c, u)).contains(k.code())) {
                throw SupervisionException.invalid("corrections", "更正项（单位 " + k.unitId() + "，指标 " + k.code() + "）无效");
            }
        }
        long now = clock.millis();
        for (Correction k : corrections) {
            String json;
            try {
                json = this.json.writeValueAsString(k.input());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            InputEntity e = new InputEntity(campaignId, k.unitId(), k.code(), InputSource.OFFICE, json, "更正：" + why,
                    caller.username(), now);
            jpa.tx(TransactionType.Required, em -> em.persist(e));
            absorb(campaignId, List.of(e));
        }
        List<UnitResult> results = compute(Caller.system("correct:" + caller.username()), c, null);
        return jpa.txExpr(TransactionType.Required, em -> {
            int next = em.createQuery("select max(r.revision) from ResultRevisionEntity r where r.campaignId = :c", Integer.class)
                    .setParameter("c", campaignId).getSingleResult() + 1;
            em.persist(new ResultRevisionEntity(campaignId, next, why, caller.username(), now, resultsJson(results)));
            em.persist(new TransitionEntity(campaignId, CampaignState.PUBLISHED, CampaignState.PUBLISHED, "更正（第 " + next + " 版）：" + why,
                    caller.username(), now));
            return new ResultRevision(campaignId, next, why, caller.username(), Instant.ofEpochMilli(now), results);
        });
    }

    @Override
    public InputRecord review(Caller caller, long campaignId, long inputId, boolean accept, String note) {
        Campaign c = read(caller, campaignId);
        requireAdminister(caller, c.jurisdictionCode());
        String why = reason(note, !accept, "note", "退回理由");
        if (c.state() != CampaignState.COLLECTING && c.state() != CampaignState.SCORING) {
            throw SupervisionException.conflict("监管活动处于“" + c.state() + "”阶段，不能审核");
        }
        InputEntity reviewed = jpa.txExpr(TransactionType.Required, em -> {
            InputEntity e = em.find(InputEntity.class, inputId);
            if (e == null || e.getCampaignId() != campaignId) {
                throw SupervisionException.notFound("输入 " + inputId + " 不存在");
            }
            if (e.getSource() != InputSource.SELF_REPORT || e.getReview() != ReviewStatus.SUBMITTED) {
                throw SupervisionException.conflict("只能审核待审核的单位自评（当前：" + e.getSource() + " / " + e.getReview() + "）");
            }
            e.review(accept ? ReviewStatus.ACCEPTED : ReviewStatus.RETURNED, why.isEmpty() ? null : why, caller.username(), clock.millis());
            return e;
        });
        if (accept) {
            absorb(campaignId, List.of(reviewed));
        }
        return toValue(reviewed, c);
    }

    @Override
    public Evidence attachEvidence(Caller caller, long campaignId, long inputId, String fileName, byte[] content) {
        Campaign c = read(caller, campaignId);
        InputEntity input = jpa.txExpr(TransactionType.Supports, em -> em.find(InputEntity.class, inputId));
        if (input == null || input.getCampaignId() != campaignId) {
            throw SupervisionException.notFound("输入 " + inputId + " 不存在");
        }
        requireEvidenceUpload(caller, c, input);
        if (c.state() != CampaignState.COLLECTING && c.state() != CampaignState.SCORING) {
            throw SupervisionException.conflict("监管活动处于“" + c.state() + "”阶段，不接受材料");
        }
        EvidenceFile file = EvidenceFile.check(fileName, content);
        EvidenceEntity e = new EvidenceEntity(campaignId, inputId, file.name(), file.contentType(), file.sha256(), caller.username(), clock.millis(), content);
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        return toValue(e);
    }

    @Override
    public void checkEvidenceUpload(Caller caller, long campaignId, long inputId) {
        Campaign c = read(caller, campaignId);
        InputEntity input = jpa.txExpr(TransactionType.Supports, em -> em.find(InputEntity.class, inputId));
        if (input == null || input.getCampaignId() != campaignId) {
            throw SupervisionException.notFound("输入 " + inputId + " 不存在");
        }
        requireEvidenceUpload(caller, c, input);
    }

    /** The one who entered an input documents it, as long as it may still write that kind; the office its own campaign's. */
    private void requireEvidenceUpload(Caller caller, Campaign c, InputEntity input) {
        Unit unit = registry.getUnit(caller, input.getUnitId());
        Operation write = switch (input.getSource()) {
            case SELF_REPORT -> Operation.WRITE_SELF_REPORT;
            case EVALUATOR -> Operation.WRITE_GRADE;
            default -> Operation.WRITE_OFFICE_INPUT;
        };
        Access access = registry.access();
        boolean author = input.getEnteredBy().equals(caller.username()) && access.may(caller, write, target(c, unit));
        if (!author && !access.may(caller, Operation.WRITE_OFFICE_INPUT, target(c))) {
            throw SupervisionException.forbidden("只能为自己填报的输入或本级监管活动的输入上传佐证材料");
        }
    }

    @Override
    public List<Evidence> evidence(Caller caller, long campaignId, long inputId) {
        Campaign c = read(caller, campaignId);
        InputEntity input = jpa.txExpr(TransactionType.Supports, em -> em.find(InputEntity.class, inputId));
        if (input == null || input.getCampaignId() != campaignId) {
            throw SupervisionException.notFound("输入 " + inputId + " 不存在");
        }
        registry.access().require(caller, Operation.READ_INPUTS, target(c, registry.getUnit(caller, input.getUnitId())));
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from EvidenceEntity e where e.inputId = :i order by e.id",
                EvidenceEntity.class).setParameter("i", inputId).getResultList().stream().map(JpaCampaignService::toValue).toList());
    }

    @Override
    public byte[] evidenceContent(Caller caller, long campaignId, long evidenceId) {
        Campaign c = read(caller, campaignId);
        EvidenceEntity e = jpa.txExpr(TransactionType.Supports, em -> {
            EvidenceEntity x = em.find(EvidenceEntity.class, evidenceId);
            if (x != null) {
                x.getContent(); // load the lazy bytes inside the transaction
            }
            return x;
        });
        if (e == null || e.getCampaignId() != campaignId) {
            throw SupervisionException.notFound("佐证材料 " + evidenceId + " 不存在");
        }
        InputEntity input = jpa.txExpr(TransactionType.Supports, em -> em.find(InputEntity.class, e.getInputId()));
        registry.access().require(caller, Operation.READ_INPUTS, target(c, registry.getUnit(caller, input.getUnitId())));
        return e.getContent();
    }

    private static Evidence toValue(EvidenceEntity e) {
        return new Evidence(e.getId(), e.getInputId(), e.getFileName(), e.getContentType(), e.getSize(), e.getSha256(), e.getUploadedBy(),
                Instant.ofEpochMilli(e.getUploadedAt()));
    }

    private String resultsJson(List<UnitResult> results) {
        try {
            return json.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<UnitResult> readResults(String text) {
        try {
            return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<List<UnitResult>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored results are not readable", e);
        }
    }

    /** With the late marker: a self-report entered after the campaign's collection deadline. */
    private InputRecord toValue(InputEntity e, Campaign c) {
        InputRecord r = toValue(e);
        boolean late = e.getSource() == InputSource.SELF_REPORT && late(c, e.getEnteredAt());
        return late ? new InputRecord(r.id(), r.campaignId(), r.unitId(), r.code(), r.input(), r.source(), r.explanation(),
                r.enteredBy(), r.enteredAt(), r.review(), r.reviewNote(), r.reviewedBy(), true) : r;
    }

    private InputRecord toValue(InputEntity e) {
        try {
            return new InputRecord(e.getId(), e.getCampaignId(), e.getUnitId(), e.getCode(),
                    json.readValue(e.getInputJson(), IndicatorInput.class), e.getSource(), e.getExplanation(), e.getEnteredBy(),
                    Instant.ofEpochMilli(e.getEnteredAt()), e.getReview(), e.getReviewNote(), e.getReviewedBy());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored input is not readable", ex);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A reason, trimmed and at most {@value #MAX_REASON} characters; "" when optional and not given. */
    private static String reason(String text, boolean required, String field, String what) {
        String why = text == null ? "" : text.trim();
        if ((required && why.isEmpty()) || why.length() > MAX_REASON) {
            throw SupervisionException.invalid(field, (required ? "必须说明" : "") + what + "不超过 " + MAX_REASON + " 个字符");
        }
        return why;
    }

    private Plan checked(Caller caller, String jurisdictionCode, CampaignDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw SupervisionException.invalid("body", "缺少监管活动计划");
        }
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "必须指定类型（ROUTINE 常规监管 / SPECIAL 专项监管）"));
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > MAX_TITLE) {
            errors.add(new FieldError("title", "必须填写标题（不超过 " + MAX_TITLE + " 个字符）"));
        }
        if (d.description() != null && d.description().length() > MAX_TEXT) {
            errors.add(new FieldError("description", "说明不能超过 " + MAX_TEXT + " 个字符"));
        }
        Period p = d.period();
        if (p == null || p.type() == null || p.year() < 2000 || p.year() > 2100) {
            errors.add(new FieldError("period", "必须指定周期（YEAR/QUARTER/MONTH 与年度）"));
        } else if ((p.type() == Period.PeriodType.QUARTER && (p.number() == null || p.number() < 1 || p.number() > 4))
                || (p.type() == Period.PeriodType.MONTH && (p.number() == null || p.number() < 1 || p.number() > 12))
                || (p.type() == Period.PeriodType.YEAR && p.number() != null)) {
            errors.add(new FieldError("period.number", "季度为 1–4，月份为 1–12，年度不填"));
        }
        if (d.collectionDeadline() != null && d.scoringDeadline() != null && d.scoringDeadline().isBefore(d.collectionDeadline())) {
            errors.add(new FieldError("scoringDeadline", "评分截止日期不能早于采集截止日期"));
        }
        Set<Category> categories = d.categories() == null ? (d.kind() == null ? Set.of() : d.kind().defaultCategories())
                : (d.categories().isEmpty() ? Set.of() : EnumSet.copyOf(d.categories()));
        if (categories.isEmpty()) {
            errors.add(new FieldError("categories", "至少选用一类二级指标"));
        }
        Map<UnitKind, Long> pinned = d.systems() == null ? Map.of() : new TreeMap<>(d.systems());
        if (pinned.isEmpty()) {
            errors.add(new FieldError("systems", "至少为一种单位类别指定已发布的指标体系"));
        }
        for (Map.Entry<UnitKind, Long> s : pinned.entrySet()) {
            String field = "systems." + s.getKey();
            IndicatorSystem sys;
            try {
                sys = systems.get(caller, s.getValue());
            } catch (SupervisionException e) {
                errors.add(new FieldError(field, "指标体系 " + s.getValue() + " 不存在或不可见"));
                continue;
            }
            if (sys.status() != SystemStatus.PUBLISHED) {
                errors.add(new FieldError(field, "只能选用已发布的指标体系（" + s.getValue() + " 为 " + sys.status() + "）"));
            }
            if (!sys.jurisdictionCode().equals(jurisdictionCode)) {
                errors.add(new FieldError(field, "指标体系 " + s.getValue() + " 属于行政区划 " + sys.jurisdictionCode()));
            }
            if (!sys.definition().unitKinds().isEmpty() && !sys.definition().unitKinds().contains(s.getKey())) {
                errors.add(new FieldError(field, "指标体系 " + s.getValue() + " 不适用于" + s.getKey().label()));
            }
        }
        if (d.targetUnitIds() != null) {
            Set<Long> units = registry.listUnits(caller, jurisdictionCode, false).stream().map(Unit::id).collect(Collectors.toSet());
            for (Long id : d.targetUnitIds()) {
                if (!units.contains(id)) {
                    errors.add(new FieldError("targetUnitIds", "单位 " + id + " 不是本行政区划的存续单位"));
                }
            }
        }
        if (d.workingGroup() != null) {
            Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < d.workingGroup().size(); i++) {
                Member m = d.workingGroup().get(i);
                if (m == null || m.username() == null || m.username().isBlank() || m.role() == null) {
                    errors.add(new FieldError("workingGroup[" + i + "]", "工作组成员需要账号和角色"));
                } else if (!names.add(m.username())) {
                    errors.add(new FieldError("workingGroup[" + i + "]", "成员 " + m.username() + " 重复"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("监管活动计划有 " + errors.size() + " 处错误", errors);
        }
        return new Plan(d.title().trim(), d.description(), p, pinned, categories, d.collectionDeadline(),
                d.scoringDeadline(), d.targetUnitIds() == null ? null : List.copyOf(new TreeSet<>(d.targetUnitIds())), d.workingGroup(),
                d.latePolicy());
    }

    private void apply(CampaignEntity e, Plan plan, Caller caller) {
        try {
            e.setPlanJson(json.writeValueAsString(plan));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        e.setUpdatedAt(clock.millis());
        e.setUpdatedBy(caller.username());
    }

    private Plan plan(CampaignEntity e) {
        try {
            return json.readValue(e.getPlanJson(), Plan.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored plan is not readable", ex);
        }
    }

    private static CampaignEntity find(EntityManager em, long id) {
        CampaignEntity e = em.find(CampaignEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("监管活动 " + id + " 不存在");
        }
        return e;
    }

    private Campaign toValue(CampaignEntity e) {
        Plan p = plan(e);
        return new Campaign(e.getId(), e.getJurisdictionCode(), e.getKind(), p.title(), p.description(), p.period(),
                p.systems(), p.categories(), p.collectionDeadline(), p.scoringDeadline(), p.targetUnitIds(), p.workingGroup(), e.getState(),
                e.getRolledFrom(), Instant.ofEpochMilli(e.getCreatedAt()), e.getCreatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()),
                e.getUpdatedBy(), p.latePolicy());
    }
}
