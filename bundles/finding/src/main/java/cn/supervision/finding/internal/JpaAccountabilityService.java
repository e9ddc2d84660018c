package cn.supervision.finding.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.followup.AccountabilityDraft;
import cn.supervision.api.followup.AccountabilityRecord;
import cn.supervision.api.followup.AccountabilityService;
import cn.supervision.api.followup.AccountabilityStatus;
import cn.supervision.api.followup.AccountabilityStep;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.finding.internal.model.AccountabilityEntity;
import cn.supervision.finding.internal.model.AccountabilityStepEntity;

/**
 * Accountability records (问责) of findings on OpenJPA. A record is the finding's: its jurisdiction and unit decide the
 * authority. Reading: the office of the finding's jurisdiction always; a superior office and the unit once the finding
 * is notified and the record DECIDED (published = both), so a proposal still under deliberation stays in the office.
 */
public class JpaAccountabilityService implements AccountabilityService {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final JpaFindingService findings;
    private final Clock clock;

    public JpaAccountabilityService(JpaTemplate jpa, RegistryService registry, JpaFindingService findings, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.findings = findings;
        this.clock = clock;
    }

    private Target target(Finding f, AccountabilityStatus status) {
        Target t = findings.target(f);
        return t.published(t.published() && status != AccountabilityStatus.PROPOSED);
    }

    @Override
    public List<AccountabilityRecord> list(Caller caller, long findingId) {
        Finding f = findings.get(caller, findingId);
        List<AccountabilityEntity> found = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select a from AccountabilityEntity a where a.findingId = :f order by a.id", AccountabilityEntity.class)
                .setParameter("f", findingId).getResultList());
        return registry.access().filter(caller, Operation.READ_FOLLOWUP, found, a -> target(f, a.getStatus())).stream()
                .map(a -> toValue(f, a)).toList();
    }

    @Override
    public AccountabilityRecord get(Caller caller, long id) {
        AccountabilityEntity a = entity(id);
        Finding f = findings.find(a.getFindingId());
        registry.access().require(caller, Operation.READ_FOLLOWUP, target(f, a.getStatus()));
        return toValue(f, a);
    }

    private AccountabilityEntity entity(long id) {
        AccountabilityEntity a = jpa.txExpr(TransactionType.Supports, em -> em.find(AccountabilityEntity.class, id));
        if (a == null) {
            throw SupervisionException.notFound("问责记录 " + id + " 不存在");
        }
        return a;
    }

    @Override
    public AccountabilityRecord record(Caller caller, long findingId, AccountabilityDraft draft) {
        Finding f = findings.find(findingId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, findings.target(f));
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 kind、measure");
        }
        List<FieldError> errors = new ArrayList<>();
        if (draft.kind() == null) {
            errors.add(new FieldError("kind", "必填（OFFICE_MEASURE 监督问责 或 PROPOSAL_TO_PARTY_COMMITTEE 问责建议）"));
        }
        String measure = Texts.check("measure", draft.measure(), true, Texts.MAX_MEASURE, errors);
        String subject = Texts.check("subject", draft.subject(), false, Texts.MAX_SUBJECT, errors);
        String basis = Texts.check("basis", draft.basis(), false, Texts.MAX_BASIS, errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("问责记录有 " + errors.size() + " 处错误", errors);
        }
        if (f.state() == FindingState.WITHDRAWN) {
            throw SupervisionException.conflict("问题 " + findingId + " 当前状态为 WITHDRAWN，已撤销的问题不再问责");
        }
        long now = clock.millis();
        AccountabilityEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            AccountabilityEntity a = new AccountabilityEntity(findingId, draft.kind(), measure, subject, basis, caller.username(), now);
            em.persist(a);
            em.flush();
            em.persist(new AccountabilityStepEntity(a.getId(), null, AccountabilityStatus.PROPOSED, measure, caller.username(), now));
            return a;
        });
        return toValue(f, saved);
    }

    @Override
    public AccountabilityRecord moveTo(Caller caller, long id, AccountabilityStatus to, String note) {
        AccountabilityEntity read = entity(id);
        Finding f = findings.find(read.getFindingId());
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, findings.target(f));
        List<FieldError> errors = new ArrayList<>();
        if (to == null) {
            errors.add(new FieldError("to", "必填（DECIDED 或 CLOSED）"));
        }
        String text = Texts.check("note", note, true, Texts.MAX_MEASURE, errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(to == AccountabilityStatus.DECIDED ? "须写明问责决定或处理结果" : "须说明理由", errors);
        }
        AccountabilityStatus from = read.getStatus();
        if (!from.next().contains(to)) {
            throw conflict(id, from, to);
        }
        long now = clock.millis();
        AccountabilityEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            // plain SQL for the reason given in JpaFindingService.move: the database re-checks the status on the row it
            // locks, so of two moves from the same status one wins (a JPQL bulk update let both succeed on PostgreSQL)
            boolean decided = to == AccountabilityStatus.DECIDED;
            var update = em.createNativeQuery("UPDATE SV_ACCOUNTABILITY SET STATUS = ?, UPDATEDBY = ?, UPDATEDAT = ?"
                    + (decided ? ", OUTCOME = ?" : "") + " WHERE ID = ? AND STATUS = ?")
                    .setParameter(1, to.name()).setParameter(2, caller.username()).setParameter(3, now);
            int next = 4;
            if (decided) {
                update.setParameter(next++, text);
            }
            update.setParameter(next++, id).setParameter(next, from.name());
            AccountabilityEntity a = em.find(AccountabilityEntity.class, id);
            if (update.executeUpdate() == 0) {
                em.refresh(a);
                throw conflict(id, a.getStatus(), to);
            }
            em.persist(new AccountabilityStepEntity(id, from, to, text, caller.username(), now));
            em.refresh(a);
            return a;
        });
        return toValue(f, saved);
    }

    private static SupervisionException conflict(long id, AccountabilityStatus current, AccountabilityStatus to) {
        return SupervisionException.conflict("问责记录 " + id + " 当前状态为 " + current + "（" + current.label() + "），不能变更为 " + to);
    }

    private AccountabilityRecord toValue(Finding f, AccountabilityEntity a) {
        List<AccountabilityStep> steps = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select s from AccountabilityStepEntity s where s.recordId = :r order by s.id", AccountabilityStepEntity.class)
                .setParameter("r", a.getId()).getResultList().stream()
                .map(s -> new AccountabilityStep(s.getFromStatus(), s.getToStatus(), s.getNote(), s.getChangedBy(),
                        Instant.ofEpochMilli(s.getChangedAt()))).toList());
        return new AccountabilityRecord(a.getId(), a.getFindingId(), f.jurisdictionCode(), f.unitId(), a.getKind(), a.getMeasure(),
                a.getSubject(), a.getBasis(), a.getStatus(), a.getOutcome(), steps, Instant.ofEpochMilli(a.getCreatedAt()),
                a.getCreatedBy(), Instant.ofEpochMilli(a.getUpdatedAt()), a.getUpdatedBy());
    }
}
