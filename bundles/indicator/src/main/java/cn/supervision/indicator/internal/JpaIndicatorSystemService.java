package cn.supervision.indicator.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.EnumMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.DefinitionLimits;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.PreparedSystem;
import cn.supervision.api.indicator.ScoringRule;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.indicator.SystemDiff;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.indicator.internal.model.IndicatorSystemEntity;

/**
 * Indicator systems on OpenJPA. Authority comes from the registry: a caller may read the systems of the
 * jurisdictions it sees, and administrators (not unit-bound) may change them. Published versions never change.
 */
public class JpaIndicatorSystemService implements IndicatorSystemService, HealthIndicator {
    static final int MAX_REASON = 500;

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final SystemValidator validator;
    private final Evaluator evaluator;
    private final DutyExpander expander = new DutyExpander();
    private final Clock clock;

    public JpaIndicatorSystemService(JpaTemplate jpa, RegistryService registry, Function<String, ScoringRule> customRules) {
        this(jpa, registry, customRules, Clock.systemUTC());
    }

    JpaIndicatorSystemService(JpaTemplate jpa, RegistryService registry, Function<String, ScoringRule> customRules, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.validator = new SystemValidator(customRules);
        this.evaluator = new Evaluator(new RuleEngine(customRules));
        this.clock = clock;
    }

    @Override
    public String component() {
        return "indicator";
    }

    @Override
    public String problem() {
        try {
            jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select count(s) from IndicatorSystemEntity s", Long.class)
                    .getSingleResult());
            return null;
        } catch (RuntimeException e) {
            return "database not reachable: " + e.getMessage();
        }
    }

    // ------------------------------------------------------------------ authority

    private void requireAdminister(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.MANAGE_SYSTEMS, jurisdictionCode);
    }

    private static Target targetOf(IndicatorSystem s) {
        return Target.of(s.jurisdictionCode()).published(s.status() != SystemStatus.DRAFT);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<IndicatorSystem> list(Caller caller, String jurisdictionCode, SystemStatus status) {
        Access access = registry.access();
        Set<String> visible;
        if (jurisdictionCode != null) {
            access.require(caller, Operation.READ_SYSTEMS, Target.of(jurisdictionCode).published(true));
            visible = Set.of(jurisdictionCode);
        } else {
            visible = registry.listJurisdictions(caller).stream().map(Jurisdiction::code).collect(Collectors.toSet());
        }
        List<IndicatorSystem> found = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select s from IndicatorSystemEntity s where s.jurisdictionCode in :codes"
                    + (status == null ? "" : " and s.status = :status") + " order by s.jurisdictionCode, s.lineage, s.version",
                    IndicatorSystemEntity.class).setParameter("codes", visible);
            if (status != null) {
                q.setParameter("status", status);
            }
            return q.getResultList().stream().map(this::toValue).toList();
        });
        return access.filter(caller, Operation.READ_SYSTEMS, found, JpaIndicatorSystemService::targetOf);
    }

    @Override
    public IndicatorSystem get(Caller caller, long id) {
        IndicatorSystem s = jpa.txExpr(TransactionType.Supports, em -> toValue(find(em, id)));
        registry.access().require(caller, Operation.READ_SYSTEMS, targetOf(s));
        return s;
    }

    @Override
    public SystemDiff diff(Caller caller, long fromId, long toId) {
        IndicatorSystem from = get(caller, fromId);
        IndicatorSystem to = get(caller, toId);
        return Differ.diff(fromId, from.definition(), toId, to.definition());
    }

    @Override
    public List<ValidationProblem> validate(SystemDefinition definition) {
        return validator.checkAll(definition, false);
    }

    @Override
    public Evaluation evaluate(Caller caller, long id, Map<String, IndicatorInput> inputs) {
        return evaluator.evaluate(evaluable(caller, id), inputs);
    }

    @Override
    public <K> Map<K, Evaluation> evaluateAll(Caller caller, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit) {
        PreparedSystem p = prepare(caller, id);
        Map<K, Evaluation> out = new java.util.LinkedHashMap<>();
        inputsByUnit.forEach((k, inputs) -> out.put(k, p.evaluate(inputs)));
        return out;
    }

    @Override
    public SystemDefinition expandForDuties(SystemDefinition definition, List<DutyRecord> duties) {
        return expander.expand(definition, duties);
    }

    @Override
    public <K> Map<K, Evaluation> evaluateAll(Caller caller, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit,
                                              Map<K, List<DutyRecord>> dutiesByUnit) {
        PreparedSystem p = prepare(caller, id);
        Map<K, Evaluation> out = new java.util.LinkedHashMap<>();
        inputsByUnit.forEach((k, inputs) -> out.put(k, p.evaluate(inputs, dutiesByUnit.get(k))));
        return out;
    }

    @Override
    public PreparedSystem prepare(Caller caller, long id) {
        return new PreparedDefinition(id, evaluable(caller, id), evaluator, expander);
    }

    private SystemDefinition evaluable(Caller caller, long id) {
        IndicatorSystem s = get(caller, id);
        List<FieldError> errors = errorsOf(validator.validate(s.definition(), false));
        if (!errors.isEmpty()) {
            throw new SupervisionException(ProblemKind.CONFLICT, "状态冲突", "指标体系还有 " + errors.size() + " 处错误，修正后才能试算", errors);
        }
        return s.definition();
    }

    // ------------------------------------------------------------------ writing

    @Override
    public IndicatorSystem createDraft(Caller caller, String jurisdictionCode, SystemDefinition definition) {
        requireAdminister(caller, jurisdictionCode);
        requireDraftable(definition);
        return jpa.txExpr(TransactionType.Required, em -> {
            IndicatorSystemEntity e = new IndicatorSystemEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setLineage(UUID.randomUUID().toString());
            e.setVersion(1);
            e.setStatus(SystemStatus.DRAFT);
            e.setCreatedAt(clock.millis());
            e.setCreatedBy(caller.username());
            apply(e, definition, caller);
            em.persist(e);
            em.flush();
            return toValue(e);
        });
    }

    @Override
    public IndicatorSystem updateDraft(Caller caller, long id, SystemDefinition definition) {
        requireDraftable(definition);
        return jpa.txExpr(TransactionType.Required, em -> {
            IndicatorSystemEntity e = find(em, id);
            requireAdminister(caller, e.getJurisdictionCode());
            requireDraft(e, "修改");
            apply(e, definition, caller);
            return toValue(e);
        });
    }

    @Override
    public IndicatorSystem publish(Caller caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            IndicatorSystemEntity e = find(em, id);
            requireAdminister(caller, e.getJurisdictionCode());
            requireDraft(e, "发布");
            List<FieldError> errors = errorsOf(validator.validate(Definitions.fromJson(e.getDefinitionJson()), true));
            if (!errors.isEmpty()) {
                throw SupervisionException.invalid("指标体系有 " + errors.size() + " 处错误，不能发布", errors);
            }
            e.setStatus(SystemStatus.PUBLISHED);
            e.setPublishedAt(clock.millis());
            e.setPublishedBy(caller.username());
            e.setUpdatedAt(e.getPublishedAt());
            e.setUpdatedBy(caller.username());
            return toValue(e);
        });
    }

    @Override
    public IndicatorSystem retire(Caller caller, long id, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw SupervisionException.invalid("reason", "必须说明停用理由（不超过 " + MAX_REASON + " 个字符）");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            IndicatorSystemEntity e = find(em, id);
            requireAdminister(caller, e.getJurisdictionCode());
            if (e.getStatus() == SystemStatus.RETIRED) {
                throw SupervisionException.conflict("指标体系已停用");
            }
            e.setStatus(SystemStatus.RETIRED);
            e.setRetiredAt(clock.millis());
            e.setRetiredBy(caller.username());
            e.setRetireReason(why);
            return toValue(e);
        });
    }

    @Override
    public IndicatorSystem copyToDraft(Caller caller, long id, Integer year) {
        return jpa.txExpr(TransactionType.Required, em -> {
            IndicatorSystemEntity source = find(em, id);
            requireAdminister(caller, source.getJurisdictionCode());
            SystemDefinition d = Definitions.fromJson(source.getDefinitionJson());
            if (year != null) {
                if (year < DefinitionLimits.MIN_YEAR || year > DefinitionLimits.MAX_YEAR) {
                    throw SupervisionException.invalid("year", "年度应在 " + DefinitionLimits.MIN_YEAR + "–" + DefinitionLimits.MAX_YEAR + " 之间");
                }
                d = d.withYear(year);
            }
            int next = em.createQuery("select max(s.version) from IndicatorSystemEntity s where s.lineage = :l", Integer.class)
                    .setParameter("l", source.getLineage()).getSingleResult() + 1;
            IndicatorSystemEntity e = new IndicatorSystemEntity();
            e.setJurisdictionCode(source.getJurisdictionCode());
            e.setLineage(source.getLineage());
            e.setVersion(next);
            e.setStatus(SystemStatus.DRAFT);
            e.setCopiedFrom(source.getId());
            e.setCreatedAt(clock.millis());
            e.setCreatedBy(caller.username());
            apply(e, d, caller);
            em.persist(e);
            em.flush();
            return toValue(e);
        });
    }

    @Override
    public IndicatorSystem publishContributed(Caller caller, String jurisdictionCode, String lineage, SystemDefinition definition) {
        requireAdminister(caller, jurisdictionCode);
        requireDraftable(definition);
        List<FieldError> errors = errorsOf(validator.validate(definition, true));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("指标体系有 " + errors.size() + " 处错误，不能发布", errors);
        }
        String json = Definitions.toJson(definition);
        String hash = Definitions.hash(json);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<IndicatorSystemEntity> versions = em.createQuery(
                    "select s from IndicatorSystemEntity s where s.lineage = :l order by s.version desc", IndicatorSystemEntity.class)
                    .setParameter("l", lineage).getResultList();
            IndicatorSystemEntity latest = versions.isEmpty() ? null : versions.get(0);
            if (latest != null && !latest.getJurisdictionCode().equals(jurisdictionCode)) {
                throw SupervisionException.conflict("体系 " + lineage + " 属于行政区划 " + latest.getJurisdictionCode());
            }
            if (latest != null && latest.getContentHash().equals(hash) && latest.getStatus() == SystemStatus.PUBLISHED) {
                return toValue(latest);
            }
            long now = clock.millis();
            IndicatorSystemEntity e = new IndicatorSystemEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setLineage(lineage);
            e.setVersion(latest == null ? 1 : latest.getVersion() + 1);
            e.setStatus(SystemStatus.PUBLISHED);
            e.setCopiedFrom(latest == null ? null : latest.getId());
            e.setCreatedAt(now);
            e.setCreatedBy(caller.username());
            apply(e, definition, caller);
            e.setPublishedAt(now);
            e.setPublishedBy(caller.username());
            for (IndicatorSystemEntity old : versions) {
                if (old.getStatus() != SystemStatus.RETIRED) {
                    old.setStatus(SystemStatus.RETIRED);
                    old.setRetiredAt(now);
                    old.setRetiredBy(caller.username());
                    old.setRetireReason("被第 " + e.getVersion() + " 版取代");
                }
            }
            em.persist(e);
            em.flush();
            return toValue(e);
        });
    }

    @Override
    public int retireLineages(Caller caller, String lineagePrefix, String reason) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<IndicatorSystemEntity> live = em.createQuery("select s from IndicatorSystemEntity s where s.lineage like :p"
                            + " and s.status <> :retired", IndicatorSystemEntity.class)
                    .setParameter("p", lineagePrefix.replace("%", "") + "%").setParameter("retired", SystemStatus.RETIRED)
                    .getResultList().stream()
                    // LIKE only narrows: '_' is a wildcard there, so "bundle:a_b/" also matched "bundle:aXb/…" (another
                    // county's bundle); the exact prefix decides
                    .filter(e -> e.getLineage().startsWith(lineagePrefix)).toList();
            for (IndicatorSystemEntity e : live) {
                requireAdminister(caller, e.getJurisdictionCode());
                e.setStatus(SystemStatus.RETIRED);
                e.setRetiredAt(clock.millis());
                e.setRetiredBy(caller.username());
                e.setRetireReason(reason);
            }
            return live.size();
        });
    }

    @Override
    public List<ValidationProblem> validateForPublication(SystemDefinition definition) {
        return validator.checkAll(definition, true);
    }

    @Override
    public Map<Category, BigDecimal> categoryShares(SystemDefinition d) {
        SystemDefinition common = new SystemDefinition(d.name(), d.year(), d.unitKinds(), d.aggregation(), d.baseMax(), null,
                null, null, d.indicators().stream().filter(i -> i.scope() == IndicatorScope.COMMON).toList(), List.of());
        Map<Category, BigDecimal> shares = new EnumMap<>(Category.class);
        for (Evaluation.CategoryScore c : evaluator.evaluate(common, Map.of()).categories()) {
            shares.put(c.category(), c.max().multiply(BigDecimal.valueOf(100)).divide(d.baseMax(), 2, RoundingMode.HALF_UP));
        }
        return shares;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A draft may be incomplete, but it must be a definition with a name and a year to be listed at all, and within
     * the sizes of a system (nodes, depth, texts): refused with 400 before anything is stored.
     */
    private void requireDraftable(SystemDefinition d) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw SupervisionException.invalid("definition", "缺少指标体系定义");
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > SystemValidator.MAX_NAME) {
            errors.add(new FieldError("name", "必须填写名称（不超过 " + SystemValidator.MAX_NAME + " 个字符）"));
        }
        if (d.year() < DefinitionLimits.MIN_YEAR || d.year() > DefinitionLimits.MAX_YEAR) {
            errors.add(new FieldError("year", "年度应在 " + DefinitionLimits.MIN_YEAR + "–" + DefinitionLimits.MAX_YEAR + " 之间"));
        }
        errors.addAll(errorsOf(validator.bounds(d)));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("指标体系定义无效", errors);
        }
    }

    private static void requireDraft(IndicatorSystemEntity e, String action) {
        if (e.getStatus() != SystemStatus.DRAFT) {
            throw SupervisionException.conflict("指标体系（第 " + e.getVersion() + " 版）状态为 " + e.getStatus()
                    + "，已发布的版本不可" + action + "；请“复制为新草稿”后再修改");
        }
    }

    private void apply(IndicatorSystemEntity e, SystemDefinition d, Caller caller) {
        String json = Definitions.toJson(d);
        e.setName(d.name().trim());
        e.setYear(d.year());
        e.setDefinitionJson(json);
        e.setContentHash(Definitions.hash(json));
        e.setUpdatedAt(clock.millis());
        e.setUpdatedBy(caller.username());
    }

    private static List<FieldError> errorsOf(List<ValidationProblem> problems) {
        return problems.stream().filter(p -> p.severity() == ValidationProblem.Severity.ERROR)
                .map(p -> new FieldError(p.path(), p.message())).toList();
    }

    private static IndicatorSystemEntity find(EntityManager em, long id) {
        IndicatorSystemEntity e = em.find(IndicatorSystemEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("指标体系 " + id + " 不存在");
        }
        return e;
    }

    private IndicatorSystem toValue(IndicatorSystemEntity e) {
        return new IndicatorSystem(e.getId(), e.getJurisdictionCode(), e.getLineage(), e.getVersion(), e.getStatus(),
                e.getCopiedFrom(), e.getContentHash(), Definitions.fromJson(e.getDefinitionJson()),
                Instant.ofEpochMilli(e.getCreatedAt()), e.getCreatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()), e.getUpdatedBy(),
                e.getPublishedAt() == null ? null : Instant.ofEpochMilli(e.getPublishedAt()), e.getPublishedBy());
    }
}
