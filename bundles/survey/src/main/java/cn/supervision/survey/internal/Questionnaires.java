package cn.supervision.survey.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.PeerPair;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireDraft;
import cn.supervision.api.survey.QuestionnaireKind;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.survey.internal.model.QuestionnaireEntity;

/**
 * Reading questionnaires and who may see them: the one place that turns rows into values, stores definitions as JSON
 * and answers "may this caller run / read this questionnaire", so every collaborator judges authority the same way.
 */
final class Questionnaires {
    static final TypeReference<List<Long>> LONGS = new TypeReference<>() { };
    static final TypeReference<List<PeerPair>> PAIRS = new TypeReference<>() { };
    static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() { };

    private final JpaTemplate jpa;
    private final CampaignService campaigns;
    private final RegistryService registry;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Questionnaires(JpaTemplate jpa, CampaignService campaigns, RegistryService registry) {
        this.jpa = jpa;
        this.campaigns = campaigns;
        this.registry = registry;
    }

    Questionnaire load(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> value(find(em, id)));
    }

    /** What {@code SurveyService.get} answers: readers of the jurisdiction, and the units rating in a peer review. */
    Questionnaire readable(Caller caller, long id) {
        Questionnaire q = load(id);
        boolean rater = q.definition().kind() == QuestionnaireKind.PEER_REVIEW && caller.unitCode() != null
                && registry.access().may(caller, Operation.ANSWER_PEER_REVIEW, Target.unit(q.jurisdictionCode(), caller.unitCode()));
        if (!rater) {
            requireReader(caller, q.jurisdictionCode()); // units read only their own jurisdiction's peer reviews
        }
        return q;
    }

    /** The office of the questionnaire's own jurisdiction (the city reads, but does not run, its counties' surveys). */
    Questionnaire office(Caller caller, long id) {
        Questionnaire q = load(id);
        requireOffice(caller, q.jurisdictionCode());
        return q;
    }

    void requireOffice(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.MANAGE_SURVEY, jurisdictionCode);
    }

    void requireReader(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.READ_SURVEY, jurisdictionCode);
    }

    /** The units a questionnaire evaluates: fixed when opened, else its definition's, else the campaign's or the jurisdiction's. */
    List<Long> targets(Caller caller, Questionnaire q) {
        if (q.targetUnitIds() != null) {
            return q.targetUnitIds();
        }
        if (q.definition().targetUnitIds() != null) {
            return q.definition().targetUnitIds();
        }
        Campaign c = campaigns.get(caller, q.campaignId());
        return c.targetUnitIds() != null ? c.targetUnitIds()
                : registry.listUnits(caller, q.jurisdictionCode(), false).stream().map(Unit::id).toList();
    }

    static void requirePeer(Questionnaire q) {
        if (q.definition().kind() != QuestionnaireKind.PEER_REVIEW) {
            throw SupervisionException.conflict("该问卷不是部门互评");
        }
    }

    static void requireOpen(Questionnaire q) {
        if (q.state() != QuestionnaireState.OPEN) {
            throw notOpen(q.state());
        }
    }

    /** The refusal of an answer to a questionnaire in {@code state} (anything but OPEN). */
    static SupervisionException notOpen(QuestionnaireState state) {
        return new SupervisionException(ProblemKind.GONE, "问卷已结束", state == QuestionnaireState.DRAFT ? "问卷尚未发放" : "问卷已结束，不再接受填写", null);
    }

    static QuestionnaireEntity find(EntityManager em, long id) {
        QuestionnaireEntity e = em.find(QuestionnaireEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("问卷 " + id + " 不存在");
        }
        return e;
    }

    Questionnaire value(QuestionnaireEntity e) {
        return new Questionnaire(e.getId(), e.getCampaignId(), e.getJurisdictionCode(), read(e.getDefinitionJson(), QuestionnaireDraft.class),
                e.getTargetsJson() == null ? null : read(e.getTargetsJson(), LONGS), QuestionnaireState.valueOf(e.getState()),
                e.getOpenLinkKey(), Instant.ofEpochMilli(e.getCreatedAt()), e.getCreatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()),
                e.getUpdatedBy());
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
