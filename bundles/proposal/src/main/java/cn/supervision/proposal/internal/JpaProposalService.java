package cn.supervision.proposal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.proposal.Ground;
import cn.supervision.api.proposal.Proposal;
import cn.supervision.api.proposal.ProposalChange;
import cn.supervision.api.proposal.ProposalDraft;
import cn.supervision.api.proposal.ProposalService;
import cn.supervision.api.proposal.ProposalState;
import cn.supervision.api.proposal.ProposalTransition;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.proposal.internal.model.ProposalEntity;
import cn.supervision.proposal.internal.model.ProposalTransitionEntity;

/**
 * Establishment proposals on OpenJPA. Authority is decided by the registry's {@link Access}; the state machine is
 * {@link #MOVES}; every move is kept as a transition row. Approval takes a second person: whoever submitted a
 * proposal cannot approve it (the drafter → office head review of a real office).
 */
public class JpaProposalService implements ProposalService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaProposalService.class);
    static final int MAX_REASON = 500;
    /** Which states each move starts from. */
    static final Map<ProposalState, Set<ProposalState>> MOVES = Map.of(
            ProposalState.SUBMITTED, Set.of(ProposalState.DRAFT, ProposalState.RETURNED),
            ProposalState.APPROVED, Set.of(ProposalState.SUBMITTED),
            ProposalState.RETURNED, Set.of(ProposalState.SUBMITTED),
            ProposalState.APPLIED, Set.of(ProposalState.APPROVED));

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final FindingService findings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JpaProposalService(JpaTemplate jpa, RegistryService registry, FindingService findings) {
        this(jpa, registry, findings, Clock.systemDefaultZone());
    }

    JpaProposalService(JpaTemplate jpa, RegistryService registry, FindingService findings, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.findings = findings;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<Proposal> list(Caller caller, String jurisdictionCode, ProposalState state) {
        Access access = registry.access();
        if (jurisdictionCode != null) {
            access.require(caller, Operation.READ_PROPOSALS, jurisdictionCode);
        }
        List<ProposalEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select p from ProposalEntity p where 1 = 1"
                    + (jurisdictionCode == null ? "" : " and p.jurisdictionCode = :j")
                    + (state == null ? "" : " and p.state = :s") + " order by p.id desc";
            var query = em.createQuery(q, ProposalEntity.class);
            if (jurisdictionCode != null) {
                query.setParameter("j", jurisdictionCode);
            }
            if (state != null) {
                query.setParameter("s", state);
            }
            return query.getResultList();
        });
        return rows.stream().filter(e -> access.may(caller, Operation.READ_PROPOSALS, e.getJurisdictionCode()))
                .map(this::toValue).toList();
    }

    @Override
    public Proposal get(Caller caller, long id) {
        ProposalEntity e = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.READ_PROPOSALS, e.getJurisdictionCode());
        return toValue(e);
    }

    @Override
    public List<ProposalTransition> history(Caller caller, long id) {
        get(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from ProposalTransitionEntity t where t.proposalId = :p order by t.id",
                        ProposalTransitionEntity.class).setParameter("p", id).getResultList().stream()
                .map(t -> new ProposalTransition(t.getFromState(), t.getToState(), t.getActor(),
                        Instant.ofEpochMilli(t.getAt()), t.getReason()))
                .toList());
    }

    // ------------------------------------------------------------------ drafting

    @Override
    public Proposal create(Caller caller, String jurisdictionCode, ProposalDraft draft) {
        registry.access().require(caller, Operation.MANAGE_PROPOSALS, jurisdictionCode);
        List<Ground> grounds = checked(caller, jurisdictionCode, draft);
        long now = clock.millis();
        ProposalEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            ProposalEntity e = new ProposalEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setState(ProposalState.DRAFT);
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            fill(e, draft, grounds, caller, now);
            em.persist(e);
            em.flush();
            em.persist(new ProposalTransitionEntity(e.getId(), null, ProposalState.DRAFT, caller.username(), now, null));
            return e;
        });
        LOG.info("Proposal #{} drafted for {} by {}", saved.getId(), jurisdictionCode, caller.username());
        return toValue(saved);
    }

    @Override
    public Proposal update(Caller caller, long id, ProposalDraft draft) {
        ProposalEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.MANAGE_PROPOSALS, current.getJurisdictionCode());
        List<Ground> grounds = checked(caller, current.getJurisdictionCode(), draft);
        long now = clock.millis();
        return toValue(jpa.txExpr(TransactionType.Required, em -> {
            ProposalEntity e = find(em, id);
            if (e.getState() != ProposalState.DRAFT && e.getState() != ProposalState.RETURNED) {
                throw stateConflict(e, "修改");
            }
            fill(e, draft, grounds, caller, now);
            return e;
        }));
    }

    // ------------------------------------------------------------------ review

    @Override
    public Proposal submit(Caller caller, long id) {
        return move(caller, id, ProposalState.SUBMITTED, "提交审定", null, (em, e) -> e.setSubmittedBy(caller.username()));
    }

    @Override
    public Proposal approve(Caller caller, long id) {
        return move(caller, id, ProposalState.APPROVED, "审定", null, (em, e) -> {
            if (caller.username().equals(e.getSubmittedBy())) {
                throw SupervisionException.forbidden("处理意见须由提交人以外的本机关人员审定（提交人：" + e.getSubmittedBy() + "）");
            }
            int year = Year.now(clock).getValue();
            long before = numbered(em, e.getJurisdictionCode(), year); // counted before this one carries the year
            e.setDocumentYear(year);
            e.setDocumentNumber("〔" + year + "〕" + (before + 1) + "号");
            e.setApprovedBy(caller.username());
            e.setApprovedAt(clock.millis());
        });
    }

    @Override
    public Proposal returnForRevision(Caller caller, long id, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw SupervisionException.invalid("reason", "退回必须说明理由（不超过 " + MAX_REASON + " 个字符）");
        }
        return move(caller, id, ProposalState.RETURNED, "退回", why, (em, e) -> e.setReason(why));
    }

    /**
     * Checks every change against the units as they are now, then writes them one unit at a time inside this
     * bundle's transaction: under the platform's JTA the registry's writes join it, so a failure mid-way leaves none.
     */
    @Override
    public Proposal apply(Caller caller, long id) {
        ProposalEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        Access access = registry.access();
        access.require(caller, Operation.MANAGE_PROPOSALS, current.getJurisdictionCode());
        access.require(caller, Operation.ADMINISTER_REGISTRY, current.getJurisdictionCode());
        if (current.getState() != ProposalState.APPROVED) {
            throw stateConflict(current, "执行");
        }
        Proposal proposal = toValue(current);
        Map<Long, UnitDraft> plan = RegistryPlan.of(proposal.changes(), units(caller, current.getJurisdictionCode()),
                current.getJurisdictionCode());
        Proposal applied = move(caller, id, ProposalState.APPLIED, "执行", null, (em, e) -> {
            plan.forEach((unitId, draft) -> registry.updateUnit(caller, unitId, draft, proposal.registryReason()));
            e.setAppliedBy(caller.username());
            e.setAppliedAt(clock.millis());
        });
        LOG.info("Proposal #{} applied to {} units by {}", id, plan.size(), caller.username());
        return applied;
    }

    // ------------------------------------------------------------------ helpers

    private Proposal move(Caller caller, long id, ProposalState to, String action, String reason, BiConsumer<EntityManager, ProposalEntity> effect) {
        ProposalEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.MANAGE_PROPOSALS, current.getJurisdictionCode());
        long now = clock.millis();
        return toValue(jpa.txExpr(TransactionType.Required, em -> {
            ProposalEntity e = find(em, id);
            if (!MOVES.get(to).contains(e.getState())) {
                throw stateConflict(e, action);
            }
            effect.accept(em, e);
            ProposalState from = e.getState();
            e.setState(to);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            em.persist(new ProposalTransitionEntity(id, from, to, caller.username(), now, reason));
            return e;
        }));
    }

    private static SupervisionException stateConflict(ProposalEntity e, String action) {
        return SupervisionException.conflict("处理意见 #" + e.getId() + " 当前状态为“" + e.getState().label() + "”（"
                + e.getState() + "），不能" + action);
    }

    private static long numbered(EntityManager em, String jurisdictionCode, int year) {
        return em.createQuery(
                        "select count(p) from ProposalEntity p where p.jurisdictionCode = :j and p.documentYear = :y", Long.class)
                .setParameter("j", jurisdictionCode).setParameter("y", year).getSingleResult();
    }

    /** The grounds of a valid draft; 400 naming every problem of its shape, its findings and its units. */
    private List<Ground> checked(Caller caller, String jurisdictionCode, ProposalDraft draft) {
        List<FieldError> errors = ChangeChecker.check(draft, Year.now(clock));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("处理意见有 " + errors.size() + " 处错误", errors);
        }
        List<Ground> grounds = new ArrayList<>();
        for (int i = 0; i < draft.findingIds().size(); i++) {
            long findingId = draft.findingIds().get(i);
            Finding f;
            try {
                f = findings.get(caller, findingId);
            } catch (SupervisionException e) {
                if (e.kind() != ProblemKind.NOT_FOUND && e.kind() != ProblemKind.FORBIDDEN) {
                    throw e;
                }
                errors.add(new FieldError("findingIds[" + i + "]", "问题 " + findingId + " 不存在或无权查看"));
                continue;
            }
            if (!f.jurisdictionCode().equals(jurisdictionCode)) {
                errors.add(new FieldError("findingIds[" + i + "]", "问题 " + findingId + " 不属于行政区划 " + jurisdictionCode));
                continue;
            }
            var s = f.source();
            grounds.add(new Ground(f.id(), f.unitId(), f.unitName(), f.category() == null ? null : f.category().name(),
                    f.severity() == null ? null : f.severity().name(), f.description(),
                    s == null ? null : s.campaignId(), s == null ? null : s.indicatorCode(), s == null ? null : s.revision()));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("处理意见的依据有 " + errors.size() + " 处错误", errors);
        }
        RegistryPlan.of(draft.changes(), units(caller, jurisdictionCode), jurisdictionCode);
        return grounds;
    }

    private Map<Long, Unit> units(Caller caller, String jurisdictionCode) {
        Map<Long, Unit> out = new HashMap<>();
        registry.listUnits(caller, jurisdictionCode, true).forEach(u -> out.put(u.id(), u));
        return out;
    }

    private void fill(ProposalEntity e, ProposalDraft d, List<Ground> grounds, Caller caller, long now) {
        e.setTitle(d.title().trim());
        e.setRationale(d.rationale() == null ? null : d.rationale().trim());
        e.setGroundsJson(toJson(grounds));
        e.setChangesJson(toJson(d.changes()));
        e.setUpdatedBy(caller.username());
        e.setUpdatedAt(now);
    }

    private static ProposalEntity find(EntityManager em, long id) {
        ProposalEntity e = em.find(ProposalEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("处理意见 " + id + " 不存在");
        }
        return e;
    }

    private Proposal toValue(ProposalEntity e) {
        return new Proposal(e.getId(), e.getJurisdictionCode(), e.getTitle(), e.getRationale(),
                fromJson(e.getGroundsJson(), new TypeReference<List<Ground>>() { }),
                fromJson(e.getChangesJson(), new TypeReference<List<ProposalChange>>() { }), e.getState(),
                e.getDocumentNumber(), e.getReason(), e.getCreatedBy(), Instant.ofEpochMilli(e.getCreatedAt()),
                e.getUpdatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()), e.getApprovedBy(),
                e.getApprovedAt() == null ? null : Instant.ofEpochMilli(e.getApprovedAt()), e.getAppliedBy(),
                e.getAppliedAt() == null ? null : Instant.ofEpochMilli(e.getAppliedAt()));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored proposal is not readable", e);
        }
    }
}
