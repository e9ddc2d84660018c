package cn.supervision.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingDraft;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.assessment.internal.MappingRules.Rules;
import cn.supervision.assessment.internal.model.MappingEntity;

/**
 * A jurisdiction's mapping of a year and its revisions: read, and saved as a new revision when the checked rules
 * ({@link MappingRules}) differ from the latest, numbered under the {@link AssessmentLock}.
 */
final class Mappings {
    // the service's logger, so the log configuration that watched mappings before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaAssessmentService.class);

    private final JpaTemplate jpa;
    private final AssessmentAccess access;
    private final CampaignResults campaigns;
    private final StoredJson json;
    private final List<String> grades;
    private final Clock clock;

    Mappings(JpaTemplate jpa, AssessmentAccess access, CampaignResults campaigns, StoredJson json, List<String> grades, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.campaigns = campaigns;
        this.json = json;
        this.grades = grades;
        this.clock = clock;
    }

    Mapping mapping(Caller caller, String jurisdictionCode, int year) {
        access.requireRead(caller, jurisdictionCode, year);
        return current(jurisdictionCode, year).orElseThrow(() -> SupervisionException.notFound(
                "行政区划 " + jurisdictionCode + " 尚未配置 " + year + " 年度综合考核折算规则"));
    }

    Mapping mapping(Caller caller, String jurisdictionCode, int year, int revision) {
        access.requireRead(caller, jurisdictionCode, year);
        return revisions(caller, jurisdictionCode, year).stream().filter(m -> m.revision() == revision).findFirst()
                .orElseThrow(() -> SupervisionException.notFound("折算规则第 " + revision + " 版不存在"));
    }

    List<Mapping> revisions(Caller caller, String jurisdictionCode, int year) {
        access.requireRead(caller, jurisdictionCode, year);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j"
                        + " and m.year = :y order by m.revision", MappingEntity.class).setParameter("j", jurisdictionCode)
                .setParameter("y", year).getResultList()).stream().map(this::toValue).toList();
    }

    /** The latest revision, whoever asks (the caller's access is checked before). */
    Optional<Mapping> current(String jurisdictionCode, int year) {
        List<MappingEntity> rows = jpa.txExpr(TransactionType.Supports, em -> latest(em, jurisdictionCode, year));
        return rows.isEmpty() ? Optional.empty() : Optional.of(toValue(rows.get(0)));
    }

    private static List<MappingEntity> latest(EntityManager em, String jurisdictionCode, int year) {
        return em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j and m.year = :y order by m.revision desc",
                MappingEntity.class).setParameter("j", jurisdictionCode).setParameter("y", year).setMaxResults(1).getResultList();
    }

    Mapping save(Caller caller, String jurisdictionCode, int year, MappingDraft draft) {
        access.requireManage(caller, jurisdictionCode, year);
        Rules rules = MappingRules.check(draft, grades, year, id -> campaigns.campaignOf(jurisdictionCode, id));
        String text = json.writeRules(rules);
        long now = clock.millis();
        MappingEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            AssessmentLock.hold(em, jurisdictionCode, year);
            List<MappingEntity> last = latest(em, jurisdictionCode, year);
            if (!last.isEmpty() && json.readRules(last.get(0).getRulesJson()).equals(rules)) {
                return last.get(0);
            }
            MappingEntity e = new MappingEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setYear(year);
            e.setRevision(last.isEmpty() ? 1 : last.get(0).getRevision() + 1);
            e.setRulesJson(text);
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            em.persist(e);
            return e;
        });
        LOG.info("Assessment mapping {}/{} revision {} by {}", jurisdictionCode, year, saved.getRevision(), caller.username());
        return toValue(saved);
    }

    private Mapping toValue(MappingEntity e) {
        Rules r = json.readRules(e.getRulesJson());
        return new Mapping(e.getJurisdictionCode(), e.getYear(), e.getRevision(), r.method(), r.scaleMax(), r.floor(), r.decimals(),
                r.rounding(), r.gradePoints(), r.routineCampaignId(), r.specialRules(), r.note(), e.getCreatedBy(),
                Instant.ofEpochMilli(e.getCreatedAt()));
    }
}
