package cn.supervision.assessment.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.assessment.ExportRecord;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.assessment.internal.model.ExportEntity;

/**
 * The export log: one record for every export, whoever exports (an audit record, not a change of the assessment), and
 * its listing for the offices that manage the jurisdictions (MANAGE_ASSESSMENT), newest first.
 */
final class ExportLog {
    private final JpaTemplate jpa;
    private final AssessmentAccess assessmentAccess;
    private final StoredJson json;

    ExportLog(JpaTemplate jpa, AssessmentAccess access, StoredJson json) {
        this.jpa = jpa;
        this.assessmentAccess = access;
        this.json = json;
    }

    /** Records an export in the caller's transaction (written at once, so that its id is known). */
    ExportEntity record(EntityManager em, Caller caller, String jurisdictionCode, int year, ExportFormat format, Instant now,
                        int mappingRevision, List<CampaignRevision> used, int units) {
        ExportEntity e = new ExportEntity();
        e.setJurisdictionCode(jurisdictionCode);
        e.setYear(year);
        e.setFormat(format);
        e.setExportedBy(caller.username());
        e.setExportedAt(now.toEpochMilli());
        e.setMappingRevision(mappingRevision);
        e.setCampaignsJson(json.writeCampaigns(used));
        e.setUnits(units);
        em.persist(e);
        em.flush();
        return e;
    }

    List<ExportRecord> list(Caller caller, String jurisdictionCode, Integer year) {
        Access access = assessmentAccess.policy();
        if (jurisdictionCode != null) {
            access.require(caller, Operation.MANAGE_ASSESSMENT, jurisdictionCode);
        }
        if (year != null) {
            AssessmentAccess.checkYear(year);
        }
        List<ExportEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select e from ExportEntity e where 1 = 1" + (jurisdictionCode == null ? "" : " and e.jurisdictionCode = :j")
                    + (year == null ? "" : " and e.year = :y") + " order by e.id desc", ExportEntity.class);
            if (jurisdictionCode != null) {
                q.setParameter("j", jurisdictionCode);
            }
            if (year != null) {
                q.setParameter("y", year);
            }
            return q.getResultList();
        });
        return rows.stream().filter(e -> access.may(caller, Operation.MANAGE_ASSESSMENT, e.getJurisdictionCode()))
                .map(e -> new ExportRecord(e.getId(), e.getJurisdictionCode(), e.getYear(), e.getFormat(), e.getExportedBy(),
                        Instant.ofEpochMilli(e.getExportedAt()), e.getMappingRevision(), json.readCampaigns(e.getCampaignsJson()), e.getUnits()))
                .toList();
    }
}
