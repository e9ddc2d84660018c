package cn.supervision.report.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.report.internal.model.RecipientEntity;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * Delivery to the leaders: an approved report is sent to named {@link Leaders} of its jurisdiction with its archived
 * document (the version they read, naming them), they are told ({@link Messenger}), and each one's reading is
 * recorded once.
 */
final class Delivery {
    // the service's logger, so the log configuration that watched the sending before keeps seeing it
    private static final Logger LOG = LoggerFactory.getLogger(JpaSpecialReportService.class);

    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final Leaders leaders;
    private final Rows rows;
    private final Values values;
    private final StoredJson json;
    private final StateMoves moves;
    private final Documents documents;
    private final Messenger messenger;
    private final ReportClock clock;

    Delivery(JpaTemplate jpa, ReportAccess access, Leaders leaders, Rows rows, Values values, StoredJson json, StateMoves moves,
             Documents documents, Messenger messenger, ReportClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.leaders = leaders;
        this.rows = rows;
        this.values = values;
        this.json = json;
        this.moves = moves;
        this.documents = documents;
        this.messenger = messenger;
        this.clock = clock;
    }

    SpecialReport send(Caller caller, long id, List<String> names) {
        SpecialReportEntity current = rows.load(id);
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.require(current, ReportState.SENT, "报送领导");
        List<String> to = leaders.check(current.getJurisdictionCode(), names);
        SpecialReport sent = moves.move(caller, id, ReportState.SENT, "报送领导", "SENT", String.join("、", to), (em, e) -> {
            to.forEach(name -> em.persist(new RecipientEntity(id, name)));
            // the archived version, with its recipients: what the leaders read
            StoredDocument doc = documents.generate(caller, e.getJurisdictionCode(), id, e.getTitle(),
                    DocumentModel.of(e.getTitle(), e.getIssue(), json.sections(e), json.links(e), e.getCreatedBy(), e.getApprovedBy(),
                            to),
                    DocumentFormat.PDF);
            e.setDocumentId(doc.id());
            e.setDocumentNumber(doc.documentNumber());
            e.setSentBy(caller.username());
            e.setSentAt(clock.millis());
        });
        messenger.sent(id, sent.title(), sent.issue(), to, caller.username());
        LOG.info("Special report #{} sent to {} by {}", id, to, caller.username());
        return sent;
    }

    SpecialReport markRead(Caller caller, long id) {
        long now = clock.millis();
        rows.load(id); // 404 before any lock is named after the id
        return jpa.txExpr(TransactionType.Required, em -> {
            // a second reading at once (a double click, another node) waits, then finds it read: one READ event
            Rows.locked(em, id);
            SpecialReportEntity e = access.requireReadable(em, caller, id);
            RecipientEntity r = Rows.recipient(em, id, caller.username());
            if (r == null) {
                throw SupervisionException.forbidden("监管专报 #" + id + " 未报送给 " + caller.username() + "，只有报送的领导可以签阅");
            }
            if (r.getReadAt() == null) {
                r.setReadAt(now);
                em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "READ", caller.username(), now, null));
            }
            return values.report(em, e);
        });
    }
}
