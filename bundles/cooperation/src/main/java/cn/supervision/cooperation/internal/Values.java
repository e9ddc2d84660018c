package cn.supervision.cooperation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.Referral;
import cn.supervision.api.cooperation.ReferralEvidence;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.security.Caller;
import cn.supervision.cooperation.internal.model.DepartmentEntity;
import cn.supervision.cooperation.internal.model.ReferralEntity;
import cn.supervision.cooperation.internal.model.ReferralFileEntity;
import cn.supervision.cooperation.internal.model.ReferralStepEntity;
import cn.supervision.cooperation.internal.model.ShareEntity;
import cn.supervision.cooperation.internal.model.ShareRecipientEntity;

/** Turns stored rows into the API's values; what a caller may see of a share is decided here too. */
final class Values {
    private final StoredJson json;
    private final FeedbackDeadlines deadlines;

    Values(StoredJson json, FeedbackDeadlines deadlines) {
        this.json = json;
        this.deadlines = deadlines;
    }

    Department department(DepartmentEntity d) {
        return new Department(d.getId(), d.getJurisdictionCode(), d.getCode(), d.getName(), d.getKind(),
                json.read(d.getContactsJson(), new TypeReference<List<Department.Contact>>() { }), d.isActive());
    }

    /** A department sees its own receipt only; the rows are left out of listings. */
    Share share(ShareEntity s, List<ShareRecipientEntity> recipients, Caller caller, boolean withRows) {
        String own = caller.isSystem() ? null : caller.departmentCode();
        List<Share.ShareRecipient> shown = recipients.stream().filter(r -> own == null || own.equals(r.getDepartmentCode()))
                .map(r -> new Share.ShareRecipient(r.getDepartmentId(), r.getDepartmentCode(), r.getDepartmentName(),
                        r.getReadAt() == null ? null : Instant.ofEpochMilli(r.getReadAt()), r.getReadBy())).toList();
        List<Share.SharedResult> rows = withRows ? json.read(s.getResultsJson(), new TypeReference<List<Share.SharedResult>>() { })
                : List.of();
        return new Share(s.getId(), s.getJurisdictionCode(), s.getSubject(), s.getMessage(), s.getCampaignId(), s.getCampaignTitle(),
                s.getRevision(), s.getResultCount(), rows, sharedDocuments(s), shown, s.getSharedBy(), Instant.ofEpochMilli(s.getSharedAt()));
    }

    List<Share.SharedDocument> sharedDocuments(ShareEntity s) {
        return json.read(s.getDocumentsJson(), new TypeReference<List<Share.SharedDocument>>() { });
    }

    /** With its files and steps, read in the caller's transaction. */
    Referral referral(EntityManager em, ReferralEntity r) {
        List<ReferralEvidence> files = em.createQuery("select f from ReferralFileEntity f where f.referralId = :r order by f.id",
                ReferralFileEntity.class).setParameter("r", r.getId()).getResultList().stream().map(Values::evidence).toList();
        List<Referral.Step> steps = em.createQuery("select s from ReferralStepEntity s where s.referralId = :r order by s.id",
                        ReferralStepEntity.class).setParameter("r", r.getId()).getResultList().stream()
                .map(s -> new Referral.Step(s.getFromState(), s.getToState(), s.getActor(), Instant.ofEpochMilli(s.getAt()), s.getNote()))
                .toList();
        LocalDate due = LocalDate.ofEpochDay(r.getFeedbackDue());
        boolean overdue = deadlines.overdue(r.getState(), due);
        return new Referral(r.getId(), r.getJurisdictionCode(), r.getFindingId(), r.getUnitId(), r.getUnitName(), r.getCategory(),
                r.getSeverity(), r.getFindingDescription(), r.getDepartmentId(), r.getDepartmentCode(), r.getDepartmentName(),
                r.getNote(), due, r.getState(), overdue, r.getFeedbackText(), r.getResultFileId(), files, steps, r.getReferredBy(),
                Instant.ofEpochMilli(r.getReferredAt()), Instant.ofEpochMilli(r.getUpdatedAt()));
    }

    static ReferralEvidence evidence(ReferralFileEntity f) {
        return new ReferralEvidence(f.getId(), f.getReferralId(), f.getFileName(), f.getContentType(), f.getSize(), f.getSha256(),
                f.isFromDepartment(), f.getUploadedBy(), Instant.ofEpochMilli(f.getUploadedAt()));
    }
}
