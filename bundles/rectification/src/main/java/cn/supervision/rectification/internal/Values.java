package cn.supervision.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import cn.supervision.api.rectification.Escalation;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.RectificationEvent;
import cn.supervision.api.rectification.RectificationEvidence;
import cn.supervision.api.rectification.Visit;
import cn.supervision.rectification.internal.model.EscalationEntity;
import cn.supervision.rectification.internal.model.EventEntity;
import cn.supervision.rectification.internal.model.EvidenceEntity;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;
import cn.supervision.rectification.internal.model.VisitEntity;

/** Rows as the API's values: days are stored as epoch days, instants as epoch milliseconds. */
final class Values {
    private Values() {
    }

    /** A notice with its items, visits and escalations, read in the caller's transaction. */
    static Notice notice(EntityManager em, NoticeEntity n) {
        List<Item> items = NoticeAccess.items(em, n.getId()).stream().map(Values::item).toList();
        List<Visit> visits = em.createQuery("select v from VisitEntity v where v.noticeId = :n order by v.id", VisitEntity.class)
                .setParameter("n", n.getId()).getResultList().stream().map(Values::visit).toList();
        List<Escalation> escalations = em.createQuery("select e from EscalationEntity e where e.noticeId = :n order by e.id",
                EscalationEntity.class).setParameter("n", n.getId()).getResultList().stream().map(Values::escalation).toList();
        return new Notice(n.getId(), Texts.number(n), n.getJurisdictionCode(), n.getUnitId(), n.getUnitCode(), n.getUnitName(),
                LocalDate.ofEpochDay(n.getIssuedOn()), LocalDate.ofEpochDay(n.getDeadline()), n.getRequiredEvidence(), n.getState(),
                date(n.getNextVisitOn()), items, visits, escalations, n.getIssuedBy(), Instant.ofEpochMilli(n.getIssuedAt()));
    }

    static Item item(ItemEntity i) {
        return new Item(i.getId(), i.getNoticeId(), i.getFindingId(), i.getFindingDescription(), i.getState(), i.getMeasures(),
                i.getResponsiblePerson(), date(i.getDueDate()), date(i.getOverdueSince()), date(i.getAcceptedOn()));
    }

    static Visit visit(VisitEntity v) {
        return new Visit(v.getId(), v.getNoticeId(), LocalDate.ofEpochDay(v.getScheduledFor()), date(v.getVisitedOn()), v.getResult(),
                v.getNotes(), v.getRecordedBy(), v.getRecordedAt() == null ? null : Instant.ofEpochMilli(v.getRecordedAt()));
    }

    static Escalation escalation(EscalationEntity e) {
        return new Escalation(e.getId(), e.getNoticeId(), e.getKind(), e.getState(), date(e.getHeldOn()), e.getParticipants(),
                e.getMinutes(), e.getReason(), e.getProposedBy(), Instant.ofEpochMilli(e.getProposedAt()), e.getDecidedBy(),
                e.getDecidedAt() == null ? null : Instant.ofEpochMilli(e.getDecidedAt()));
    }

    static RectificationEvidence evidence(EvidenceEntity e) {
        return new RectificationEvidence(e.getId(), e.getNoticeId(), e.getItemId(), e.getVisitId(), e.getFileName(), e.getContentType(),
                e.getSize(), e.getSha256(), e.getUploadedBy(), Instant.ofEpochMilli(e.getUploadedAt()));
    }

    static RectificationEvent event(EventEntity e) {
        return new RectificationEvent(e.getId(), e.getNoticeId(), e.getItemId(), e.getKind(), e.getFromState(), e.getToState(),
                e.getText(), e.getActor(), Instant.ofEpochMilli(e.getAt()));
    }

    private static LocalDate date(Long epochDay) {
        return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
    }
}
