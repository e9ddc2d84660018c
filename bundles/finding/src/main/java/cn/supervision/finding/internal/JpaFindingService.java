package cn.supervision.finding.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;


import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingHistoryService;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.FindingTransition;
import cn.supervision.api.followup.GenerationRule;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.finding.internal.model.FindingEntity;
import cn.supervision.finding.internal.model.FindingTransitionEntity;
import cn.supervision.finding.internal.model.ResultKeyEntity;

/**
 * The findings ledger on OpenJPA: a facade over the validator, the generator and the authority targets. Every state
 * change is a conditional update (from the state read) plus an appended transition, in one transaction, so two
 * concurrent moves cannot both succeed; a score's finding is written with its result key (a primary key), so two
 * concurrent generations cannot both record it.
 */
public class JpaFindingService implements FindingService, FindingHistoryService {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final CampaignService campaigns;
    private final Clock clock;
    private final FindingValidator validator;
    private final FindingGenerator generator = new FindingGenerator();

    public JpaFindingService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.campaigns = campaigns;
        this.clock = clock;
        this.validator = new FindingValidator(registry, campaigns);
    }

    @Override
    public List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw SupervisionException.invalid(offset < 0 ? "offset" : "limit", "应为不小于 0 的整数");
        }
        Set<String> visible = jurisdictionCode != null ? Set.of(registry.getJurisdiction(caller, jurisdictionCode).code())
                : registry.listJurisdictions(caller).stream().map(Jurisdiction::code).collect(Collectors.toSet());
        if (visible.isEmpty()) {
            return List.of();
        }
        List<FindingEntity> found = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select f from FindingEntity f where f.jurisdictionCode in :codes"
                    + (unitId == null ? "" : " and f.unitId = :unit") + (state == null ? "" : " and f.state = :state")
                    + " order by f.id", FindingEntity.class).setParameter("codes", visible);
            if (unitId != null) {
                q.setParameter("unit", unitId);
            }
            if (state != null) {
                q.setParameter("state", state);
            }
            return q.getResultList();
        });
        FindingTargets targets = new FindingTargets(registry);
        return registry.access().filter(caller, Operation.READ_FOLLOWUP, found, targets::of).stream()
                .skip(offset).limit(limit).map(JpaFindingService::toValue).toList();
    }

    @Override
    public Finding get(Caller caller, long id) {
        FindingEntity f = entity(id);
        registry.access().require(caller, Operation.READ_FOLLOWUP, new FindingTargets(registry).of(f));
        return toValue(f);
    }

    /** The finding without an authority check, for the accountability records that hang on it. */
    Finding find(long id) {
        return toValue(entity(id));
    }

    /** What the authority policy is told about a finding (see {@link FindingTargets}). */
    Target target(Finding f) {
        return new FindingTargets(registry).of(f.jurisdictionCode(), f.unitId(), FindingTargets.notified(f.state(), f.noticeId()));
    }

    private FindingEntity entity(long id) {
        FindingEntity f = jpa.txExpr(TransactionType.Supports, em -> em.find(FindingEntity.class, id));
        if (f == null) {
            throw SupervisionException.notFound("问题 " + id + " 不存在");
        }
        return f;
    }

    @Override
    public Finding create(Caller caller, String jurisdictionCode, FindingDraft draft) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, Target.of(jurisdictionCode));
        FindingValidator.Checked checked = validator.check(caller, jurisdictionCode, draft);
        if (checked.resultKey() != null) {
            ResultKeyEntity existing = jpa.txExpr(TransactionType.Supports, em -> em.find(ResultKeyEntity.class, checked.resultKey()));
            if (existing != null) {
                throw SupervisionException.conflict("该得分已登记为问题 " + existing.getFindingId() + "，不重复登记");
            }
        }
        return insert(caller, jurisdictionCode, List.of(new Insert(draft, checked.unit().name(), checked.source(),
                checked.description(), checked.evidence(), checked.resultKey())), "登记问题").get(0);
    }

    private record Insert(FindingDraft draft, String unitName, FindingSource source, String description, String evidence,
                          String resultKey) { }

    /** All or nothing: a generation racing another one for the same scores fails as a whole (409) and can be repeated. */
    private List<Finding> insert(Caller caller, String jurisdictionCode, List<Insert> inserts, String why) {
        long now = clock.millis();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                List<Finding> out = new java.util.ArrayList<>();
                for (Insert i : inserts) {
                    FindingSource s = i.source();
                    FindingEntity f = new FindingEntity(jurisdictionCode, i.draft().unitId(), i.unitName(), s.kind(), s.campaignId(),
                            s.indicatorCode(), s.revision(), s.warningId(), s.reference(), i.draft().category(),
                            i.draft().severity(), i.description(), i.evidence(), caller.username(), now);
                    em.persist(f);
                    em.flush();
                    em.persist(new FindingTransitionEntity(f.getId(), null, FindingState.OPEN, null, why, caller.username(), now));
                    if (i.resultKey() != null) {
                        em.persist(new ResultKeyEntity(i.resultKey(), s.campaignId(), f.getId()));
                    }
                    out.add(toValue(f));
                }
                return out;
            });
        } catch (SupervisionException e) {
            throw e;
        } catch (RuntimeException e) {
            // the unique result key: another generation recorded some of these scores in the meantime
            Set<String> keys = inserts.stream().map(Insert::resultKey).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            if (!keys.isEmpty() && jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "select count(k) from ResultKeyEntity k where k.resultKey in :k", Long.class).setParameter("k", keys)
                    .getSingleResult()) > 0) {
                throw SupervisionException.conflict("部分得分刚刚已被登记为问题，请重新预览后再生成");
            }
            throw e;
        }
    }

    @Override
    public List<FindingDraft> preview(Caller caller, long campaignId, GenerationRule rule) {
        return generated(caller, campaignId, rule).stream().map(FindingGenerator.Generated::draft).toList();
    }

    @Override
    public List<Finding> generate(Caller caller, long campaignId, GenerationRule rule) {
        Campaign c = campaigns.get(caller, campaignId);
        List<FindingGenerator.Generated> drafts = generated(caller, campaignId, rule);
        if (drafts.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = registry.listUnits(caller, c.jurisdictionCode(), true).stream()
                .collect(Collectors.toMap(u -> u.id(), u -> u.name()));
        return insert(caller, c.jurisdictionCode(), drafts.stream().map(g -> new Insert(g.draft(),
                names.getOrDefault(g.draft().unitId(), ""), g.draft().source(), g.draft().description(), g.draft().evidence(),
                g.resultKey())).toList(), "由监管活动 " + campaignId + " 的结果生成");
    }

    /** The drafts of the revision in force, less the scores already recorded as findings. */
    private List<FindingGenerator.Generated> generated(Caller caller, long campaignId, GenerationRule rule) {
        Campaign c = campaigns.get(caller, campaignId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, Target.of(c.jurisdictionCode()));
        FindingGenerator.check(rule);
        if (c.state() != CampaignState.PUBLISHED) {
            throw SupervisionException.conflict("监管活动 " + campaignId + " 当前状态为 " + c.state() + "，发布结果后才能生成问题");
        }
        List<ResultRevision> revisions = campaigns.revisions(caller, campaignId);
        if (revisions.isEmpty()) {
            throw SupervisionException.conflict("监管活动 " + campaignId + " 没有已发布的结果");
        }
        Set<String> taken = new HashSet<>(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select k.resultKey from ResultKeyEntity k where k.campaignId = :c", String.class)
                .setParameter("c", campaignId).getResultList()));
        return generator.drafts(c, revisions.get(revisions.size() - 1), rule, taken);
    }

    @Override
    public Finding withdraw(Caller caller, long id, String reason) {
        List<FieldError> errors = new java.util.ArrayList<>();
        String why = Texts.check("reason", reason, true, Texts.MAX_REASON, errors);
        FindingEntity f = entity(id);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, new FindingTargets(registry).of(f));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("撤销问题须说明理由", errors);
        }
        return move(caller, f, FindingState.WITHDRAWN, null, why);
    }

    @Override
    public Finding moveTo(Caller caller, long id, FindingState state, Long noticeId, String reason) {
        List<FieldError> errors = new java.util.ArrayList<>();
        String why = Texts.check("reason", reason, state == FindingState.WITHDRAWN, Texts.MAX_REASON, errors);
        if (state == null) {
            errors.add(new FieldError("state", "必填"));
        } else if (state == FindingState.IN_RECTIFICATION && noticeId == null) {
            errors.add(new FieldError("noticeId", "纳入整改须指明整改通知"));
        }
        FindingEntity f = entity(id);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, new FindingTargets(registry).of(f));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("问题状态变更信息有误", errors);
        }
        String text = why != null ? why : switch (state) {
            case IN_RECTIFICATION -> "纳入整改通知 " + noticeId;
            case RECTIFIED -> "整改验收销号";
            default -> null;
        };
        return move(caller, f, state, noticeId, text);
    }

    /** OPEN → IN_RECTIFICATION → RECTIFIED, OPEN → WITHDRAWN; anything else is a 409 naming the current state. */
    static boolean allowed(FindingState from, FindingState to) {
        return switch (from) {
            case OPEN -> to == FindingState.IN_RECTIFICATION || to == FindingState.WITHDRAWN;
            case IN_RECTIFICATION -> to == FindingState.RECTIFIED;
            case RECTIFIED, WITHDRAWN -> false;
        };
    }

    private static SupervisionException outOfOrder(long id, FindingState current, FindingState to) {
        return SupervisionException.conflict("问题 " + id + " 当前状态为 " + current + "，不能变更为 " + to);
    }

    /**
     * The notice is recorded in the history whatever the step (the rectification flow names it when an item is accepted
     * too); it becomes the finding's own notice only when it takes the finding up.
     */
    private Finding move(Caller caller, FindingEntity read, FindingState to, Long noticeId, String reason) {
        Long takenUpBy = to == FindingState.IN_RECTIFICATION ? noticeId : null;
        FindingState from = read.getState();
        if (!allowed(from, to)) {
            throw outOfOrder(read.getId(), from, to);
        }
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            // plain SQL, so that the database re-checks the state on the row it locks: of two moves from the same state
            // one wins and the other finds nothing to update. OpenJPA writes the JPQL form as "ID IN (SELECT ...)", whose
            // rows PostgreSQL takes from before the other move's commit and does not re-check: both moves succeeded
            var update = em.createNativeQuery("UPDATE SV_FINDING SET STATE = ?, UPDATEDBY = ?, UPDATEDAT = ?"
                    + (takenUpBy == null ? "" : ", NOTICEID = ?") + " WHERE ID = ? AND STATE = ?")
                    .setParameter(1, to.name()).setParameter(2, caller.username()).setParameter(3, now);
            int next = 4;
            if (takenUpBy != null) {
                update.setParameter(next++, takenUpBy);
            }
            update.setParameter(next++, read.getId()).setParameter(next, from.name());
            if (update.executeUpdate() == 0) {
                // someone moved it since it was read: name the state it is in now
                FindingEntity current = em.find(FindingEntity.class, read.getId());
                em.refresh(current);
                throw outOfOrder(read.getId(), current.getState(), to);
            }
            em.persist(new FindingTransitionEntity(read.getId(), from, to, noticeId, reason, caller.username(), now));
            FindingEntity f = em.find(FindingEntity.class, read.getId());
            em.refresh(f);
            return toValue(f);
        });
    }

    @Override
    public List<FindingTransition> history(Caller caller, long findingId) {
        get(caller, findingId);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select t from FindingTransitionEntity t where t.findingId = :f order by t.id", FindingTransitionEntity.class)
                .setParameter("f", findingId).getResultList().stream()
                .map(t -> new FindingTransition(t.getFindingId(), t.getFromState(), t.getToState(), t.getNoticeId(), t.getReason(),
                        t.getChangedBy(), Instant.ofEpochMilli(t.getChangedAt()))).toList());
    }

    static Finding toValue(FindingEntity f) {
        return new Finding(f.getId(), f.getJurisdictionCode(), f.getUnitId(), f.getUnitName(),
                new FindingSource(f.getSourceKind(), f.getCampaignId(), f.getIndicatorCode(), f.getRevision(), f.getWarningId(),
                        f.getReference()), f.getCategory(), f.getSeverity(), f.getDescription(), f.getEvidence(), f.getState(),
                f.getNoticeId(), Instant.ofEpochMilli(f.getCreatedAt()), f.getCreatedBy(), Instant.ofEpochMilli(f.getUpdatedAt()),
                f.getUpdatedBy());
    }
}
