package cn.supervision.rectification.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.RectificationEvidence;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.rectification.internal.model.EventEntity;
import cn.supervision.rectification.internal.model.EvidenceEntity;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.VisitEntity;

/**
 * Evidence files: the unit's for an item it is still working on, the office's for a visit. The checks run on their
 * own too, so an upload is refused before its body is read; each stored file leaves an event with its SHA-256.
 */
final class EvidenceStore {
    private final JpaTemplate jpa;
    private final NoticeAccess access;
    private final RecordClock clock;

    EvidenceStore(JpaTemplate jpa, NoticeAccess access, RecordClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.clock = clock;
    }

    void checkItemUpload(Caller caller, long noticeId, long itemId) {
        access.require(caller, Operation.ANSWER_RECTIFICATION, noticeId);
        ItemEntity i = access.item(noticeId, itemId);
        if (!Transitions.allowed(i.getState(), ItemEvent.PROGRESS) && !Transitions.allowed(i.getState(), ItemEvent.PLAN)) {
            throw SupervisionException.conflict("整改事项当前状态为“" + i.getState().label() + "”（" + i.getState() + "），不接受佐证材料");
        }
    }

    RectificationEvidence attachToItem(Caller caller, long noticeId, long itemId, String fileName, byte[] content) {
        checkItemUpload(caller, noticeId, itemId);
        return store(caller, noticeId, itemId, null, fileName, content);
    }

    void checkVisitUpload(Caller caller, long noticeId, long visitId) {
        access.require(caller, Operation.MANAGE_FOLLOWUP, noticeId);
        VisitEntity v = jpa.txExpr(TransactionType.Supports, em -> em.find(VisitEntity.class, visitId));
        if (v == null || v.getNoticeId() != noticeId) {
            throw SupervisionException.notFound("回访 " + visitId + " 不存在");
        }
    }

    RectificationEvidence attachToVisit(Caller caller, long noticeId, long visitId, String fileName, byte[] content) {
        checkVisitUpload(caller, noticeId, visitId);
        return store(caller, noticeId, null, visitId, fileName, content);
    }

    List<RectificationEvidence> list(Caller caller, long noticeId) {
        access.require(caller, Operation.READ_FOLLOWUP, noticeId);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from EvidenceEntity e where e.noticeId = :n order by e.id",
                EvidenceEntity.class).setParameter("n", noticeId).getResultList().stream().map(Values::evidence).toList());
    }

    byte[] content(Caller caller, long noticeId, long evidenceId) {
        access.require(caller, Operation.READ_FOLLOWUP, noticeId);
        byte[] content = jpa.txExpr(TransactionType.Supports, em -> {
            EvidenceEntity e = em.find(EvidenceEntity.class, evidenceId);
            return e == null || e.getNoticeId() != noticeId ? null : e.getContent();
        });
        if (content == null) {
            throw SupervisionException.notFound("佐证材料 " + evidenceId + " 不存在");
        }
        return content;
    }

    private RectificationEvidence store(Caller caller, long noticeId, Long itemId, Long visitId, String fileName, byte[] content) {
        EvidenceFile file = EvidenceFile.check(fileName, content);
        long now = clock.millis();
        EvidenceEntity e = new EvidenceEntity(noticeId, itemId, visitId, file.name(), file.contentType(), file.sha256(), caller.username(), now, content);
        jpa.tx(TransactionType.Required, em -> {
            em.persist(e);
            em.persist(new EventEntity(noticeId, itemId, "EVIDENCE", null, null, file.name() + "（SHA-256 " + file.sha256() + "）",
                    caller.username(), now));
        });
        return Values.evidence(e);
    }
}
