package cn.supervision.survey.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Channel;
import cn.supervision.api.survey.PeerPair;
import cn.supervision.api.survey.PeerTask;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireKind;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.api.survey.Receipt;
import cn.supervision.survey.internal.model.QuestionnaireEntity;
import cn.supervision.survey.internal.model.ResponseEntity;

/** Peer review: who rates whom (the matrix), each unit's tasks, and its anonymous ratings, once per pair. */
final class PeerReview {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Questionnaires questionnaires;
    private final Resubmissions resubmissions;
    private final Clock clock;

    PeerReview(JpaTemplate jpa, RegistryService registry, Questionnaires questionnaires, Resubmissions resubmissions, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.questionnaires = questionnaires;
        this.resubmissions = resubmissions;
        this.clock = clock;
    }

    List<PeerPair> matrix(Caller caller, long id) {
        Questionnaire q = questionnaires.office(caller, id);
        Questionnaires.requirePeer(q);
        return jpa.txExpr(TransactionType.Supports, em -> matrix(caller, Questionnaires.find(em, id), q));
    }

    /** The stored matrix, else every target rates every other. */
    private List<PeerPair> matrix(Caller caller, QuestionnaireEntity e, Questionnaire q) {
        if (e.getMatrixJson() != null) {
            return questionnaires.read(e.getMatrixJson(), Questionnaires.PAIRS);
        }
        List<Long> targets = questionnaires.targets(caller, q);
        List<PeerPair> pairs = new ArrayList<>();
        for (Long rater : targets) {
            for (Long rated : targets) {
                if (!rater.equals(rated)) {
                    pairs.add(new PeerPair(rater, rated));
                }
            }
        }
        return pairs;
    }

    List<PeerPair> setMatrix(Caller caller, long id, List<PeerPair> pairs) {
        Questionnaire q = questionnaires.office(caller, id);
        Questionnaires.requirePeer(q);
        if (q.state() != QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("问卷已发放，互评关系不能再修改");
        }
        if (pairs == null || pairs.isEmpty()) {
            throw SupervisionException.invalid("pairs", "互评关系不能为空");
        }
        Set<Long> targets = new HashSet<>(questionnaires.targets(caller, q));
        List<FieldError> errors = new ArrayList<>();
        Set<PeerPair> seen = new LinkedHashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            PeerPair p = pairs.get(i);
            if (p == null) {
                errors.add(new FieldError("pairs[" + i + "]", "空的互评关系"));
            } else if (p.raterUnitId() == p.ratedUnitId()) {
                errors.add(new FieldError("pairs[" + i + "]", "单位不能评价自己"));
            } else if (!targets.contains(p.raterUnitId()) || !targets.contains(p.ratedUnitId())) {
                errors.add(new FieldError("pairs[" + i + "]", "评价单位和被评单位都必须是问卷的评价对象"));
            } else if (!seen.add(p)) {
                errors.add(new FieldError("pairs[" + i + "]", "互评关系重复"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("互评关系有 " + errors.size() + " 处问题", errors);
        }
        List<PeerPair> stored = List.copyOf(seen);
        jpa.tx(TransactionType.Required, em -> {
            QuestionnaireEntity e = Questionnaires.find(em, id);
            e.setMatrixJson(questionnaires.write(stored));
            e.touch(caller.username(), clock.millis());
        });
        return stored;
    }

    /** The caller's own unit, for UNIT_USERs. */
    private Unit ownUnit(Caller caller, String jurisdictionCode) {
        if (caller.unitCode() == null) {
            throw SupervisionException.forbidden("部门互评只能由参评单位的用户填写");
        }
        registry.access().require(caller, Operation.ANSWER_PEER_REVIEW, Target.unit(jurisdictionCode, caller.unitCode()));
        return registry.listUnits(caller, jurisdictionCode, false).stream().filter(u -> u.code().equals(caller.unitCode()))
                .findFirst().orElseThrow(() -> SupervisionException.forbidden("当前用户的单位 " + caller.unitCode() + " 不存在或已撤销"));
    }

    List<PeerTask> tasks(Caller caller, long id) {
        Questionnaire q = questionnaires.readable(caller, id);
        Questionnaires.requirePeer(q);
        Unit own = ownUnit(caller, q.jurisdictionCode());
        Map<Long, String> names = new HashMap<>();
        registry.listUnits(Caller.system("survey"), q.jurisdictionCode(), true).forEach(u -> names.put(u.id(), u.name()));
        return jpa.txExpr(TransactionType.Supports, em -> {
            Set<Long> done = em.createQuery("select r.unitId from ResponseEntity r where r.questionnaireId = :q and r.raterUnitId = :u",
                    Long.class).setParameter("q", id).setParameter("u", own.id()).getResultList().stream().collect(Collectors.toSet());
            return matrix(caller, Questionnaires.find(em, id), q).stream().filter(p -> p.raterUnitId() == own.id())
                    .map(p -> new PeerTask(id, p.ratedUnitId(), names.get(p.ratedUnitId()), done.contains(p.ratedUnitId()))).toList();
        });
    }

    List<Questionnaire> reviews(Caller caller) {
        String jurisdiction = caller.jurisdictionCode();
        if (jurisdiction == null) {
            throw SupervisionException.forbidden("部门互评只能由参评单位的用户填写");
        }
        Unit own = ownUnit(caller, jurisdiction);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select q from QuestionnaireEntity q where q.jurisdictionCode = :j and q.kind = :k and q.state <> :d order by q.id desc",
                        QuestionnaireEntity.class)
                .setParameter("j", jurisdiction).setParameter("k", QuestionnaireKind.PEER_REVIEW.name())
                .setParameter("d", QuestionnaireState.DRAFT.name()).getResultList().stream()
                .filter(e -> matrix(caller, e, questionnaires.value(e)).stream().anyMatch(p -> p.raterUnitId() == own.id()))
                .map(questionnaires::value).toList());
    }

    /**
     * One rating per rater unit and rated unit, never changed; a retry of the stored one (same user, same answers)
     * gets its receipt, also once the questionnaire closed.
     */
    Receipt submit(Caller caller, long id, long ratedUnitId, List<Answer> answers) {
        Questionnaire q = questionnaires.readable(caller, id);
        Questionnaires.requirePeer(q);
        if (q.state() != QuestionnaireState.OPEN) {
            Receipt earlier = resubmissions.earlier(() -> response(caller, q, ratedUnitId, answers));
            if (earlier != null) {
                return earlier;
            }
            Questionnaires.requireOpen(q);
        }
        return resubmissions.write(response(caller, q, ratedUnitId, answers), null, "本单位已评价过该单位，评价提交后不能修改");
    }

    private ResponseEntity response(Caller caller, Questionnaire q, long ratedUnitId, List<Answer> answers) {
        long id = q.id();
        Unit own = ownUnit(caller, q.jurisdictionCode());
        boolean assigned = jpa.txExpr(TransactionType.Supports, em -> matrix(caller, Questionnaires.find(em, id), q))
                .contains(new PeerPair(own.id(), ratedUnitId));
        if (!assigned) {
            throw SupervisionException.forbidden("本单位不在对单位 " + ratedUnitId + " 的互评关系中");
        }
        List<Answer> checked = AnswerChecks.answers(q, answers);
        return new ResponseEntity(id, ratedUnitId, Channel.PEER.name(), null, own.id(), caller.username(), null,
                id + ":P:" + own.id() + ":" + ratedUnitId, null, null, null, questionnaires.write(checked),
                Conversions.score(q.definition().questions(), checked), clock.millis());
    }
}
