package cn.supervision.report.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.Recipient;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * The 监管专报 document: generated on demand by the office once the report is {@link Workflow#REVIEWED} (its
 * {@link DocumentModel} through {@link Documents}, an event naming the version), and the archived version made when it
 * was sent, read by whoever may read the report.
 */
final class ReportDocument {
    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final Rows rows;
    private final StoredJson json;
    private final Documents documents;
    private final ReportClock clock;

    ReportDocument(JpaTemplate jpa, ReportAccess access, Rows rows, StoredJson json, Documents documents, ReportClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.rows = rows;
        this.json = json;
        this.documents = documents;
        this.clock = clock;
    }

    StoredDocument generate(Caller caller, long id, DocumentFormat format) {
        SpecialReportEntity e = rows.load(id);
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, e.getJurisdictionCode());
        Workflow.requireIn(e, Workflow.REVIEWED, "生成文书（审核通过后才编号成文）");
        List<String> to = jpa.txExpr(TransactionType.Supports, em -> Values.recipients(em, id)).stream().map(Recipient::username)
                .toList();
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            StoredDocument doc = documents.generate(caller, e.getJurisdictionCode(), id, e.getTitle(),
                    DocumentModel.of(e.getTitle(), e.getIssue(), json.sections(e), json.links(e), e.getCreatedBy(), e.getApprovedBy(),
                            to),
                    format == null ? DocumentFormat.PDF : format);
            em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "DOCUMENT", caller.username(), now,
                    "文书 #" + doc.id() + " 第 " + doc.version() + " 版（" + doc.format() + "）"));
            return doc;
        });
    }

    byte[] archived(Caller caller, long id) {
        SpecialReportEntity e = jpa.txExpr(TransactionType.Supports, em -> access.requireReadable(em, caller, id));
        if (e.getDocumentId() == null) {
            throw SupervisionException.notFound("监管专报 #" + id + " 尚未报送，没有存档文书");
        }
        // requireReadable has decided (office, or a leader the report was sent to); the document service keeps 监管专报
        // from every other leader of the jurisdiction, so the content is read as the platform on the caller's behalf
        return documents.content(Caller.system(caller.username()), e.getDocumentId());
    }
}
