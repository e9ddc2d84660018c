package cn.supervision.cooperation.internal;

import static cn.supervision.cooperation.internal.Inputs.jurisdiction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.cooperation.FileContent;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.cooperation.ShareDraft;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.cooperation.internal.model.DepartmentEntity;
import cn.supervision.cooperation.internal.model.ShareEntity;
import cn.supervision.cooperation.internal.model.ShareRecipientEntity;

/**
 * Shares (情况通报) once composed: stored with one receipt per addressee, announced to the addressed departments, and
 * read by the office and leaders in scope and by each addressee, who alone may record that it has read one.
 */
final class Shares {
    private static final Logger LOG = LoggerFactory.getLogger(Shares.class);

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final ShareComposer composer;
    private final OptionalDocuments documents;
    private final Messenger messenger;
    private final StoredJson json;
    private final Values values;
    private final Clock clock;

    Shares(JpaTemplate jpa, RegistryService registry, ShareComposer composer, OptionalDocuments documents, Messenger messenger,
           StoredJson json, Values values, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.composer = composer;
        this.documents = documents;
        this.messenger = messenger;
        this.json = json;
        this.values = values;
        this.clock = clock;
    }

    Share send(Caller caller, ShareDraft draft) {
        ShareComposer.Composed composed = composer.compose(caller, draft);
        String j = composed.jurisdictionCode();
        List<DepartmentEntity> to = composed.to();
        List<Share.SharedDocument> docs = composed.documents();
        long now = clock.millis();
        String resultsJson = json.write(composed.rows());
        String documentsJson = json.write(docs);
        Campaign c = composed.campaign();
        int count = composed.rows().size();
        ShareEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            ShareEntity s = new ShareEntity();
            s.setJurisdictionCode(j);
            s.setSubject(draft.subject().trim());
            s.setMessage(draft.message().trim());
            s.setCampaignId(c == null ? null : c.id());
            s.setCampaignTitle(c == null ? null : c.title());
            s.setRevision(composed.revision() == null ? null : composed.revision().revision());
            s.setResultCount(count);
            s.setResultsJson(resultsJson);
            s.setDocumentsJson(documentsJson);
            s.setSharedBy(caller.username());
            s.setSharedAt(now);
            em.persist(s);
            em.flush();
            for (DepartmentEntity d : to) {
                em.persist(new ShareRecipientEntity(s.getId(), j, d.getId(), d.getCode(), d.getName()));
            }
            return s;
        });
        LOG.info("Share #{} of {} sent to {} departments by {}", saved.getId(), j, to.size(), caller.username());
        for (DepartmentEntity d : to) {
            messenger.tellDepartment(j, d.getCode(), new Message("COOPERATION_SHARED", "情况通报：" + saved.getSubject(),
                    "机构编制部门向" + d.getName() + "通报情况：" + saved.getSubject()
                            + (c == null ? "" : "（" + c.title() + " 结果 " + count + " 个单位）")
                            + (docs.isEmpty() ? "" : "，附文书 " + docs.size() + " 份"),
                    "/v1/cooperation/shares/" + saved.getId()));
        }
        return values.share(saved, recipients(saved.getId()), caller, true);
    }

    List<Share> list(Caller caller, String jurisdictionCode) {
        String j = jurisdiction(caller, jurisdictionCode);
        Access access = registry.access();
        if (j != null) {
            access.require(caller, Operation.READ_COOPERATION, Target.department(j, caller.departmentCode()));
        }
        String dept = caller.isSystem() ? null : caller.departmentCode();
        return jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select s from ShareEntity s where 1 = 1" + (j == null ? "" : " and s.jurisdictionCode = :j")
                    + (dept == null ? "" : " and exists (select r.id from ShareRecipientEntity r where r.shareId = s.id and r.departmentCode = :d)")
                    + " order by s.id desc";
            var query = em.createQuery(q, ShareEntity.class);
            if (j != null) {
                query.setParameter("j", j);
            }
            if (dept != null) {
                query.setParameter("d", dept);
            }
            List<ShareEntity> rows = query.getResultList();
            List<Share> visible = new ArrayList<>();
            for (ShareEntity s : rows) {
                List<ShareRecipientEntity> recipients = recipients(em, s.getId());
                if (visible(access, caller, s, recipients)) {
                    visible.add(values.share(s, recipients, caller, false));
                }
            }
            return visible;
        });
    }

    Share get(Caller caller, long id) {
        ShareEntity s = load(id);
        List<ShareRecipientEntity> recipients = recipients(id);
        requireVisible(caller, s, recipients);
        return values.share(s, recipients, caller, true);
    }

    /** Idempotent: the first reading is kept (looked at again inside the write, not overwritten). */
    Share markRead(Caller caller, long id) {
        ShareEntity s = load(id);
        List<ShareRecipientEntity> recipients = recipients(id);
        requireVisible(caller, s, recipients);
        ShareRecipientEntity mine = recipients.stream().filter(r -> r.getDepartmentCode().equals(caller.departmentCode()))
                .findFirst().orElseThrow(() -> SupervisionException.forbidden("只有收到通报的协作部门可以签收已读"));
        if (mine.getReadAt() == null) {
            long now = clock.millis();
            jpa.tx(TransactionType.Required, em -> {
                ShareRecipientEntity r = em.find(ShareRecipientEntity.class, mine.getId());
                if (r.getReadAt() == null) {
                    r.setReadAt(now);
                    r.setReadBy(caller.username());
                }
            });
        }
        return values.share(s, recipients(id), caller, true);
    }

    FileContent document(Caller caller, long shareId, long documentId) {
        ShareEntity s = load(shareId);
        requireVisible(caller, s, recipients(shareId));
        Share.SharedDocument doc = values.sharedDocuments(s).stream()
                .filter(d -> d.documentId() == documentId).findFirst()
                .orElseThrow(() -> SupervisionException.notFound("情况通报 " + shareId + " 不含文书 " + documentId));
        // the share was addressed to the caller: the platform reads the document on its behalf
        byte[] content = documents.content(Caller.system("cooperation:" + caller.username()), documentId);
        return new FileContent(doc.fileName(), doc.contentType(), content);
    }

    private ShareEntity load(long id) {
        ShareEntity s = jpa.txExpr(TransactionType.Supports, em -> em.find(ShareEntity.class, id));
        if (s == null) {
            throw SupervisionException.notFound("情况通报 " + id + " 不存在");
        }
        return s;
    }

    private List<ShareRecipientEntity> recipients(long shareId) {
        return jpa.txExpr(TransactionType.Supports, em -> recipients(em, shareId));
    }

    private static List<ShareRecipientEntity> recipients(EntityManager em, long shareId) {
        return em.createQuery("select r from ShareRecipientEntity r where r.shareId = :s order by r.departmentCode",
                ShareRecipientEntity.class).setParameter("s", shareId).getResultList();
    }

    /** The office and leaders in scope, and each addressed department. */
    private static boolean visible(Access access, Caller caller, ShareEntity s, List<ShareRecipientEntity> recipients) {
        if (access.may(caller, Operation.READ_COOPERATION, Target.of(s.getJurisdictionCode()))) {
            return true;
        }
        return recipients.stream().anyMatch(r -> access.may(caller, Operation.READ_COOPERATION,
                Target.department(s.getJurisdictionCode(), r.getDepartmentCode())));
    }

    private void requireVisible(Caller caller, ShareEntity s, List<ShareRecipientEntity> recipients) {
        if (!visible(registry.access(), caller, s, recipients)) {
            throw Access.denied(Operation.READ_COOPERATION, Target.department(s.getJurisdictionCode(), caller.departmentCode()));
        }
    }
}
