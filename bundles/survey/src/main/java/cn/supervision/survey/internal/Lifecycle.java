package cn.supervision.survey.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.PeerPair;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireDraft;
import cn.supervision.api.survey.QuestionnaireKind;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.survey.internal.model.QuestionnaireEntity;

/** A questionnaire's life: drafted and edited while DRAFT, opened once the campaign collects (targets fixed), closed. */
final class Lifecycle {
    private final JpaTemplate jpa;
    private final CampaignService campaigns;
    private final Questionnaires questionnaires;
    private final DefinitionValidator validator;
    private final OpenQuestionnaires open;
    private final Tokens tokens;
    private final Clock clock;

    Lifecycle(JpaTemplate jpa, CampaignService campaigns, Questionnaires questionnaires, DefinitionValidator validator,
              OpenQuestionnaires open, Tokens tokens, Clock clock) {
        this.jpa = jpa;
        this.campaigns = campaigns;
        this.questionnaires = questionnaires;
        this.validator = validator;
        this.open = open;
        this.tokens = tokens;
        this.clock = clock;
    }

    List<Questionnaire> list(Caller caller, long campaignId) {
        Campaign c = campaigns.get(caller, campaignId);
        questionnaires.requireReader(caller, c.jurisdictionCode());
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select q from QuestionnaireEntity q where q.campaignId = :c order by q.id", QuestionnaireEntity.class)
                .setParameter("c", campaignId).getResultList().stream().map(questionnaires::value).toList());
    }

    Questionnaire create(Caller caller, long campaignId, QuestionnaireDraft draft) {
        Campaign c = campaigns.get(caller, campaignId);
        questionnaires.requireOffice(caller, c.jurisdictionCode());
        if (c.state() == CampaignState.PUBLISHED) {
            throw SupervisionException.conflict("监管活动已发布，不能再新建问卷");
        }
        QuestionnaireDraft d = validator.checked(caller, c, draft);
        QuestionnaireEntity e = new QuestionnaireEntity(campaignId, c.jurisdictionCode(), d.kind().name(), questionnaires.write(d),
                caller.username(), clock.millis());
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        return questionnaires.value(e);
    }

    Questionnaire update(Caller caller, long id, QuestionnaireDraft draft) {
        Questionnaire q = questionnaires.office(caller, id);
        if (q.state() != QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("问卷已发放，定义不能再修改");
        }
        Campaign c = campaigns.get(caller, q.campaignId());
        QuestionnaireDraft d = validator.checked(caller, c, draft);
        if (d.kind() != q.definition().kind()) {
            throw SupervisionException.invalid("kind", "问卷类型不能修改");
        }
        Questionnaire updated = jpa.txExpr(TransactionType.Required, em -> {
            QuestionnaireEntity e = Questionnaires.find(em, id);
            e.setDefinitionJson(questionnaires.write(d));
            e.touch(caller.username(), clock.millis());
            return questionnaires.value(e);
        });
        open.closed(id); // a DRAFT is never cached; dropping it anyway keeps the pages from ever serving an old definition
        return updated;
    }

    Questionnaire open(Caller caller, long id) {
        Questionnaire q = questionnaires.office(caller, id);
        if (q.state() != QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("只有草稿状态的问卷可以发放");
        }
        Campaign c = campaigns.get(caller, q.campaignId());
        if (c.state() != CampaignState.COLLECTING && c.state() != CampaignState.SCORING) {
            throw SupervisionException.conflict("监管活动开始采集后才能发放问卷（当前：" + c.state() + "）");
        }
        List<Long> targets = q.definition().targetUnitIds() == null ? c.targetUnitIds() : q.definition().targetUnitIds();
        List<Long> outside = targets.stream().filter(u -> !c.targetUnitIds().contains(u)).toList();
        if (!outside.isEmpty()) {
            throw SupervisionException.invalid("targetUnitIds", "单位 " + outside + " 不是本次监管活动的对象");
        }
        if (q.definition().kind() == QuestionnaireKind.PEER_REVIEW && targets.size() < 2) {
            throw SupervisionException.invalid("targetUnitIds", "部门互评至少需要两个单位");
        }
        Questionnaire opened = jpa.txExpr(TransactionType.Required, em -> {
            QuestionnaireEntity e = Questionnaires.find(em, id);
            e.setState(QuestionnaireState.OPEN.name());
            e.setTargetsJson(questionnaires.write(targets));
            if (q.definition().openLink()) {
                e.setOpenLinkKey(tokens.secret(16));
            }
            if (e.getMatrixJson() != null) {
                // a matrix edited before the targets were fixed keeps only pairs of targets
                List<PeerPair> kept = questionnaires.read(e.getMatrixJson(), Questionnaires.PAIRS).stream()
                        .filter(p -> targets.contains(p.raterUnitId()) && targets.contains(p.ratedUnitId())).toList();
                e.setMatrixJson(questionnaires.write(kept));
            }
            e.touch(caller.username(), clock.millis());
            return questionnaires.value(e);
        });
        open.opened(opened);
        return opened;
    }

    Questionnaire close(Caller caller, long id) {
        Questionnaire q = questionnaires.office(caller, id);
        if (q.state() != QuestionnaireState.OPEN) {
            throw SupervisionException.conflict("只有发放中的问卷可以结束");
        }
        Questionnaire closed = jpa.txExpr(TransactionType.Required, em -> {
            QuestionnaireEntity e = Questionnaires.find(em, id);
            e.setState(QuestionnaireState.CLOSED.name());
            e.touch(caller.username(), clock.millis());
            return questionnaires.value(e);
        });
        open.closed(id);
        return closed;
    }
}
