package cn.supervision.survey.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Application;
import cn.supervision.api.survey.IndicatorBinding;
import cn.supervision.api.survey.Outlier;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.survey.internal.model.ResponseEntity;

/**
 * Converts a questionnaire's valid responses into inputs of its campaign, one per target unit and binding, in one batch
 * of the campaign service: a unit with pending outliers, too small a sample or no answers is skipped before the batch; a
 * draft the campaign refuses is skipped with its reason and the others are sent again, so what is applied is applied
 * together and a failure never leaves an application half done.
 */
final class CampaignApplier {
    private final JpaTemplate jpa;
    private final CampaignService campaigns;
    private final Questionnaires questionnaires;
    private final Statistics statistics;

    CampaignApplier(JpaTemplate jpa, CampaignService campaigns, Questionnaires questionnaires, Statistics statistics) {
        this.jpa = jpa;
        this.campaigns = campaigns;
        this.questionnaires = questionnaires;
        this.statistics = statistics;
    }

    /** One (unit, binding) in the order the application lists them: skipped already, or a draft awaiting the campaign's answer. */
    private record Slot(long unit, String code, Conversions.Converted converted, InputDraft draft, String skipped) { }

    Application apply(Caller caller, long id, boolean belowMinimum) {
        Questionnaire q = questionnaires.office(caller, id);
        if (q.state() == QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("问卷尚未发放");
        }
        if (q.definition().bindings().isEmpty()) {
            throw SupervisionException.conflict("问卷没有关联指标（bindings），无法换算");
        }
        Set<Long> pendingUnits = statistics.outliers(caller, id).stream().filter(o -> o.decision() == Outlier.Decision.PENDING)
                .map(Outlier::unitId).collect(Collectors.toSet());
        Map<Long, Boolean> decisions = statistics.decisions(id);
        Map<Long, List<List<Answer>>> valid = new HashMap<>();
        Map<Long, Integer> excluded = new HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from ResponseEntity r where r.questionnaireId = :q order by r.id", ResponseEntity.class)
                .setParameter("q", id).getResultList()).forEach(r -> {
            if (Boolean.FALSE.equals(decisions.get(r.getId()))) {
                excluded.merge(r.getUnitId(), 1, Integer::sum);
            } else {
                valid.computeIfAbsent(r.getUnitId(), k -> new ArrayList<>()).add(questionnaires.read(r.getAnswersJson(), Questionnaires.ANSWERS));
            }
        });
        Integer minimum = q.definition().minimumSample();
        String label = "问卷#" + id + "《" + q.definition().title() + "》";
        List<Slot> slots = new ArrayList<>();
        for (Long unit : q.targetUnitIds()) {
            List<List<Answer>> responses = valid.getOrDefault(unit, List.of());
            for (IndicatorBinding b : q.definition().bindings()) {
                if (pendingUnits.contains(unit)) {
                    slots.add(new Slot(unit, b.indicatorCode(), null, null, "有待处理的离群答卷，请先采信或剔除"));
                    continue;
                }
                if (minimum != null && responses.size() < minimum && !belowMinimum) {
                    slots.add(new Slot(unit, b.indicatorCode(), null, null, "有效答卷 " + responses.size() + " 份，未达到最低样本量 " + minimum));
                    continue;
                }
                Conversions.Converted v = Conversions.convert(b, q.definition().questions(), responses);
                if (v.value() == null) {
                    slots.add(new Slot(unit, b.indicatorCode(), v, null, v.formula()));
                    continue;
                }
                String explanation = label + "：" + v.formula() + "；有效答卷 " + responses.size() + " 份"
                        + (excluded.containsKey(unit) ? "（剔除离群 " + excluded.get(unit) + " 份）" : "")
                        + (minimum != null && responses.size() < minimum ? "；未达到最低样本量 " + minimum : "");
                IndicatorInput input = new IndicatorInput(v.value(), null, null, null, null, "questionnaire:" + id);
                slots.add(new Slot(unit, b.indicatorCode(), v,
                        new InputDraft(unit, b.indicatorCode(), input, q.definition().kind().inputSource(), explanation), null));
            }
        }
        String[] reasons = slots.stream().map(Slot::skipped).toArray(String[]::new);
        long[] ids = new long[slots.size()];
        List<Integer> drafts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (reasons[i] == null) {
                drafts.add(i);
            }
        }
        List<InputBatch.Outcome> outcomes = campaigns.recordAccepted(caller, q.campaignId(), drafts.stream().map(i -> slots.get(i).draft()).toList(),
                "问卷换算结果未能记入");
        for (InputBatch.Outcome o : outcomes) {
            int slot = drafts.get(o.index());
            if (o.record() != null) {
                ids[slot] = o.record().id();
            } else {
                reasons[slot] = o.reason();
            }
        }
        List<Application.Applied> applied = new ArrayList<>();
        List<Application.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (reasons[i] != null) {
                skipped.add(new Application.Skipped(s.unit(), s.code(), reasons[i]));
            } else {
                applied.add(new Application.Applied(s.unit(), s.code(), s.converted().value(), s.converted().answers(), ids[i],
                        s.draft().explanation()));
            }
        }
        return new Application(id, q.campaignId(), applied, skipped);
    }
}
