package cn.supervision.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.AccessRecord;
import cn.supervision.api.survey.Channel;
import cn.supervision.api.survey.Respondent;
import cn.supervision.api.survey.Response;
import cn.supervision.survey.internal.model.AccessEntity;
import cn.supervision.survey.internal.model.ResponseEntity;
import cn.supervision.survey.internal.model.TokenEntity;

/**
 * Respondents' personal data: masked in every listing; shown in full only to the office, with a stated purpose that is
 * written to the access log in the same transaction.
 */
final class RespondentAccess {
    private final JpaTemplate jpa;
    private final Questionnaires questionnaires;
    private final Statistics statistics;
    private final Clock clock;

    RespondentAccess(JpaTemplate jpa, Questionnaires questionnaires, Statistics statistics, Clock clock) {
        this.jpa = jpa;
        this.questionnaires = questionnaires;
        this.statistics = statistics;
        this.clock = clock;
    }

    List<Response> responses(Caller caller, long id, Long unitId) {
        questionnaires.office(caller, id);
        Map<Long, Boolean> decisions = statistics.decisions(id);
        return jpa.txExpr(TransactionType.Supports, em -> {
            javax.persistence.TypedQuery<ResponseEntity> query = em.createQuery("select r from ResponseEntity r where r.questionnaireId = :q"
                    + (unitId == null ? "" : " and r.unitId = :u") + " order by r.id", ResponseEntity.class).setParameter("q", id);
            if (unitId != null) {
                query.setParameter("u", unitId);
            }
            return query.getResultList().stream().map(r -> value(r, Boolean.FALSE.equals(decisions.get(r.getId())))).toList();
        });
    }

    Respondent reveal(Caller caller, long id, long responseId, String reason) {
        questionnaires.office(caller, id);
        String why = reason(reason);
        return jpa.txExpr(TransactionType.Required, em -> {
            ResponseEntity r = em.find(ResponseEntity.class, responseId);
            if (r == null || r.getQuestionnaireId() != id) {
                throw SupervisionException.notFound("问卷 " + id + " 没有答卷 " + responseId);
            }
            em.persist(new AccessEntity(id, caller.username(), clock.millis(), "答卷 " + responseId, why));
            return new Respondent(id, responseId, r.getTokenId(), r.getRespondentName(), r.getRespondentPhone());
        });
    }

    Respondent revealToken(Caller caller, long id, long tokenId, String reason) {
        questionnaires.office(caller, id);
        String why = reason(reason);
        return jpa.txExpr(TransactionType.Required, em -> {
            TokenEntity t = em.find(TokenEntity.class, tokenId);
            if (t == null || t.getQuestionnaireId() != id) {
                throw SupervisionException.notFound("问卷 " + id + " 没有填写码 " + tokenId);
            }
            em.persist(new AccessEntity(id, caller.username(), clock.millis(), "填写码 " + tokenId, why));
            return new Respondent(id, null, tokenId, t.getRecipientName(), t.getRecipientPhone());
        });
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw SupervisionException.invalid("reason", "查看个人信息必须写明用途（不超过 500 个字符）");
        }
        return reason.trim();
    }

    List<AccessRecord> accessLog(Caller caller, long id) {
        questionnaires.office(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select a from AccessEntity a where a.questionnaireId = :q order by a.id", AccessEntity.class)
                .setParameter("q", id).getResultList().stream()
                .map(a -> new AccessRecord(a.getId(), id, a.getUsername(), Instant.ofEpochMilli(a.getAt()), a.getSubject(), a.getReason()))
                .toList());
    }

    private Response value(ResponseEntity r, boolean excluded) {
        return new Response(r.getId(), r.getQuestionnaireId(), r.getUnitId(), Channel.valueOf(r.getChannel()), r.getCategory(),
                r.getRaterUnitId(), Conversions.maskName(r.getRespondentName()), Conversions.maskPhone(r.getRespondentPhone()),
                questionnaires.read(r.getAnswersJson(), Questionnaires.ANSWERS), Statistics.scaled(r.getScore()), excluded, Instant.ofEpochMilli(r.getSubmittedAt()));
    }
}
