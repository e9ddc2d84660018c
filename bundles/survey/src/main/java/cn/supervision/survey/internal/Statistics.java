package cn.supervision.survey.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.Outlier;
import cn.supervision.api.survey.Progress;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.RespondentCategory;
import cn.supervision.survey.internal.model.OutlierDecisionEntity;

/** Counting responses: progress against samples and quotas, outliers beyond 2σ per unit, and the office's decisions on them. */
final class Statistics {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Questionnaires questionnaires;
    private final Clock clock;

    Statistics(JpaTemplate jpa, RegistryService registry, Questionnaires questionnaires, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    /** Per response, the latest decision: TRUE accepted, FALSE excluded. */
    Map<Long, Boolean> decisions(long id) {
        Map<Long, Boolean> latest = new HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from OutlierDecisionEntity d where d.questionnaireId = :q order by d.id", OutlierDecisionEntity.class)
                .setParameter("q", id).getResultList()).forEach(d -> latest.put(d.getResponseId(), d.isAccepted()));
        return latest;
    }

    /** Per unit: response id → score and category (only what counting needs, not the answers). */
    private record Counted(long id, long unitId, String category, BigDecimal score) { }

    private List<Counted> counted(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r.id, r.unitId, r.category, r.score from ResponseEntity r where r.questionnaireId = :q order by r.id", Object[].class)
                .setParameter("q", id).getResultList().stream()
                .map(row -> new Counted((Long) row[0], (Long) row[1], (String) row[2], scaled((BigDecimal) row[3]))).toList());
    }

    /** Scores are stored with 2 decimals; some databases hand them back with another scale. */
    static BigDecimal scaled(BigDecimal score) {
        return score == null ? null : score.setScale(2, RoundingMode.HALF_UP);
    }

    Progress progress(Caller caller, long id) {
        Questionnaire q = questionnaires.readable(caller, id);
        questionnaires.requireReader(caller, q.jurisdictionCode());
        Map<Long, Boolean> decisions = decisions(id);
        List<Counted> all = counted(id);
        Map<Long, String> names = new HashMap<>();
        registry.listUnits(Caller.system("survey"), q.jurisdictionCode(), true).forEach(u -> names.put(u.id(), u.name()));
        Integer minimum = q.definition().minimumSample();
        Map<Long, int[]> byUnit = new HashMap<>(); // unit → {valid, excluded}
        Map<String, Integer> byCategory = new HashMap<>();
        for (Counted c : all) {
            boolean excluded = Boolean.FALSE.equals(decisions.get(c.id()));
            byUnit.computeIfAbsent(c.unitId(), k -> new int[2])[excluded ? 1 : 0]++;
            if (!excluded && c.category() != null) {
                byCategory.merge(c.category(), 1, Integer::sum);
            }
        }
        List<Progress.UnitProgress> units = new ArrayList<>();
        int excludedTotal = 0;
        for (Long unit : questionnaires.targets(caller, q)) {
            int[] n = byUnit.getOrDefault(unit, new int[2]);
            excludedTotal += n[1];
            units.add(new Progress.UnitProgress(unit, names.get(unit), n[0], n[1], minimum == null || n[0] >= minimum));
        }
        List<Progress.CategoryProgress> categories = new ArrayList<>();
        for (RespondentCategory rc : q.definition().respondentCategories()) {
            int n = byCategory.getOrDefault(rc.code(), 0);
            categories.add(new Progress.CategoryProgress(rc.code(), rc.label(), n, rc.quota(), rc.quota() == null || n >= rc.quota()));
        }
        boolean complete = units.stream().allMatch(Progress.UnitProgress::sampleReached)
                && categories.stream().allMatch(Progress.CategoryProgress::quotaReached);
        return new Progress(id, all.size(), excludedTotal, minimum, units, categories, complete);
    }

    List<Outlier> outliers(Caller caller, long id) {
        questionnaires.office(caller, id);
        Map<Long, OutlierDecisionEntity> latest = new HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from OutlierDecisionEntity d where d.questionnaireId = :q order by d.id", OutlierDecisionEntity.class)
                .setParameter("q", id).getResultList()).forEach(d -> latest.put(d.getResponseId(), d));
        Map<Long, List<Counted>> byUnit = new LinkedHashMap<>();
        counted(id).stream().filter(c -> c.score() != null).forEach(c -> byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c));
        List<Outlier> out = new ArrayList<>();
        for (Map.Entry<Long, List<Counted>> unit : byUnit.entrySet()) {
            if (unit.getValue().size() < 3) {
                continue;
            }
            BigDecimal[] md = Conversions.meanAndDeviation(unit.getValue().stream().map(Counted::score).toList());
            for (Counted c : unit.getValue()) {
                if (Conversions.beyondTwoSigma(c.score(), md[0], md[1])) {
                    OutlierDecisionEntity d = latest.get(c.id());
                    out.add(new Outlier(c.id(), c.unitId(), c.score(), md[0].setScale(2, RoundingMode.HALF_UP),
                            md[1].setScale(2, RoundingMode.HALF_UP),
                            d == null ? Outlier.Decision.PENDING : d.isAccepted() ? Outlier.Decision.ACCEPTED : Outlier.Decision.EXCLUDED,
                            d == null ? null : d.getNote(), d == null ? null : d.getDecidedBy(),
                            d == null ? null : Instant.ofEpochMilli(d.getDecidedAt())));
                }
            }
        }
        out.sort(Comparator.comparingLong(Outlier::unitId).thenComparingLong(Outlier::responseId));
        return out;
    }

    Outlier decide(Caller caller, long id, long responseId, boolean accept, String note) {
        questionnaires.office(caller, id);
        if (note == null || note.isBlank() || note.length() > 500) {
            throw SupervisionException.invalid("note", "必须写明采信或剔除的理由（不超过 500 个字符）");
        }
        if (outliers(caller, id).stream().noneMatch(o -> o.responseId() == responseId)) {
            throw SupervisionException.conflict("答卷 " + responseId + " 不是离群答卷，无需处理");
        }
        jpa.tx(TransactionType.Required, em -> em.persist(new OutlierDecisionEntity(id, responseId, accept, note.trim(),
                caller.username(), clock.millis())));
        return outliers(caller, id).stream().filter(o -> o.responseId() == responseId).findFirst().orElseThrow();
    }
}
