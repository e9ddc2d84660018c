package cn.supervision.rectification.internal;

import static cn.supervision.rectification.internal.Texts.link;
import static cn.supervision.rectification.internal.Texts.number;
import static cn.supervision.rectification.internal.Texts.trim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeDraft;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.RectificationEvent;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.rectification.internal.model.EventEntity;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;

/**
 * Issuing a notice (numbered per office and year, one item per OPEN finding of the unit, each finding then moved
 * IN_RECTIFICATION) and reading notices and their history back.
 */
final class Notices {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final NoticeAccess access;
    private final FindingService findings;
    private final Messenger messenger;
    private final RecordClock clock;
    private final Settings settings;

    Notices(JpaTemplate jpa, RegistryService registry, NoticeAccess access, FindingService findings, Messenger messenger,
            RecordClock clock, Settings settings) {
        this.jpa = jpa;
        this.registry = registry;
        this.access = access;
        this.findings = findings;
        this.messenger = messenger;
        this.clock = clock;
        this.settings = settings;
    }

    Notice issue(Caller caller, NoticeDraft draft) {
        if (draft == null || draft.jurisdictionCode() == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必须指定行政区划");
        }
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, Target.of(draft.jurisdictionCode()));
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = clock.today();
        if (draft.unitId() == null) {
            errors.add(new FieldError("unitId", "必填"));
        }
        List<Long> ids = draft.findingIds() == null ? List.of() : draft.findingIds();
        if (ids.isEmpty()) {
            errors.add(new FieldError("findingIds", "至少一个问题"));
        } else if (ids.stream().anyMatch(Objects::isNull) || new HashSet<>(ids).size() != ids.size()) {
            errors.add(new FieldError("findingIds", "问题不能为空或重复"));
        } else if (ids.size() > 200) {
            errors.add(new FieldError("findingIds", "一份通知最多 200 个问题"));
        }
        LocalDate deadline = draft.deadline() == null ? today.plusDays(settings.getDefaultDeadlineDays()) : draft.deadline();
        if (deadline.isBefore(today)) {
            errors.add(new FieldError("deadline", "整改期限不能早于今天（" + today + "）"));
        }
        String required = trim(draft.requiredEvidence());
        if (required == null) {
            errors.add(new FieldError("requiredEvidence", "必须写明需要提交的佐证材料"));
        } else if (required.length() > 2000) {
            errors.add(new FieldError("requiredEvidence", "不能超过 2000 字"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("整改通知无效", errors);
        }
        Unit unit = registry.getUnit(caller, draft.unitId());
        if (!unit.jurisdictionCode().equals(draft.jurisdictionCode())) {
            throw SupervisionException.invalid("unitId", "单位 " + unit.name() + " 不属于行政区划 " + draft.jurisdictionCode());
        }
        List<Finding> taken = new ArrayList<>();
        for (long id : ids) {
            Finding f = findings.get(caller, id);
            if (f.unitId() != unit.id() || !f.jurisdictionCode().equals(draft.jurisdictionCode())) {
                throw SupervisionException.invalid("findingIds", "问题 " + id + " 不是 " + unit.name() + " 的问题");
            }
            if (f.state() != FindingState.OPEN) {
                throw SupervisionException.conflict("问题 " + id + " 当前状态为 " + f.state() + "，只有 OPEN 的问题可以下发整改");
            }
            taken.add(f);
        }
        long now = clock.millis();
        NoticeEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            Integer max = em.createQuery("select max(n.sequence) from NoticeEntity n where n.jurisdictionCode = :j and n.numberYear = :y",
                    Integer.class).setParameter("j", draft.jurisdictionCode()).setParameter("y", today.getYear()).getSingleResult();
            NoticeEntity n = new NoticeEntity(draft.jurisdictionCode(), today.getYear(), max == null ? 1 : max + 1, unit.id(), unit.code(),
                    unit.name(), today.toEpochDay(), deadline.toEpochDay(), required, caller.username(), now);
            em.persist(n);
            em.flush();
            for (Finding f : taken) {
                em.persist(new ItemEntity(n.getId(), f.id(), f.description()));
            }
            em.persist(new EventEntity(n.getId(), null, "ISSUED", null, NoticeState.ISSUED.name(),
                    "下发整改通知，整改期限 " + deadline + "，问题 " + ids, caller.username(), now));
            return n;
        });
        for (Finding f : taken) {
            findings.moveTo(caller, f.id(), FindingState.IN_RECTIFICATION, saved.getId(), "整改通知 " + number(saved) + " 下发");
        }
        messenger.tell(to -> to.toUnit(saved.getJurisdictionCode(), saved.getUnitCode(), new Message("RECTIFICATION_ISSUED",
                "整改通知 " + number(saved), unit.name() + "：请于 " + deadline + " 前完成 " + taken.size() + " 个问题的整改，并先报送整改方案。",
                link(saved.getId()))));
        return get(caller, saved.getId());
    }

    List<Notice> list(Caller caller, String jurisdictionCode, Long unitId, NoticeState state) {
        String code = jurisdictionCode != null ? jurisdictionCode : caller.jurisdictionCode();
        if (code != null) {
            access.requireListing(caller, Operation.READ_FOLLOWUP, code);
        }
        List<NoticeEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            // only the filters given: Derby refuses "? is null"
            StringBuilder q = new StringBuilder("select n from NoticeEntity n where 1 = 1");
            if (code != null) {
                q.append(" and n.jurisdictionCode = :j");
            }
            if (unitId != null) {
                q.append(" and n.unitId = :u");
            }
            if (state != null) {
                q.append(" and n.state = :s");
            }
            javax.persistence.TypedQuery<NoticeEntity> query = em.createQuery(q.append(" order by n.id desc").toString(), NoticeEntity.class);
            if (code != null) {
                query.setParameter("j", code);
            }
            if (unitId != null) {
                query.setParameter("u", unitId);
            }
            if (state != null) {
                query.setParameter("s", state);
            }
            return query.getResultList();
        });
        List<NoticeEntity> visible = access.filter(caller, Operation.READ_FOLLOWUP, rows);
        return jpa.txExpr(TransactionType.Supports, em -> visible.stream().map(n -> Values.notice(em, n)).toList());
    }

    Notice get(Caller caller, long noticeId) {
        NoticeEntity n = access.require(caller, Operation.READ_FOLLOWUP, noticeId);
        return jpa.txExpr(TransactionType.Supports, em -> Values.notice(em, n));
    }

    List<RectificationEvent> history(Caller caller, long noticeId) {
        access.require(caller, Operation.READ_FOLLOWUP, noticeId);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from EventEntity e where e.noticeId = :n order by e.id",
                EventEntity.class).setParameter("n", noticeId).getResultList().stream().map(Values::event).toList());
    }
}
