package cn.supervision.report.internal;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.InstructionScan;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.ScanEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * The scans of paper instructions: uploaded by the office once the report is with the leaders (INSTRUCTED), kept with
 * their SHA-256 and an event, and served to whoever may read the report only while the bytes are the ones recorded.
 */
final class Scans {
    // the service's logger, so the log configuration that watched the scans before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaSpecialReportService.class);

    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final Rows rows;
    private final ReportClock clock;

    Scans(JpaTemplate jpa, ReportAccess access, Rows rows, ReportClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.rows = rows;
        this.clock = clock;
    }

    void checkUpload(Caller caller, long id) {
        SpecialReportEntity e = rows.load(id);
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, e.getJurisdictionCode());
        Workflow.require(e, ReportState.INSTRUCTED, "上传批示扫描件");
    }

    InstructionScan attach(Caller caller, long id, String fileName, byte[] content) {
        checkUpload(caller, id);
        EvidenceFile file = EvidenceFile.check(fileName, content);
        long now = clock.millis();
        ScanEntity s = new ScanEntity(id, file.name(), file.contentType(), file.sha256(), caller.username(), now, content);
        jpa.tx(TransactionType.Required, em -> {
            SpecialReportEntity e = Rows.locked(em, id);
            Workflow.require(e, ReportState.INSTRUCTED, "上传批示扫描件"); // again under the lock: it may have been closed since
            em.persist(s);
            em.flush();
            em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "SCAN_UPLOADED", caller.username(), now,
                    "扫描件 #" + s.getId() + " " + file.name() + "（SHA-256 " + file.sha256() + "）"));
        });
        return Values.scan(s);
    }

    InstructionScan scan(Caller caller, long id, long scanId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            access.requireReadable(em, caller, id);
            return Values.scan(loadScan(em, id, scanId));
        });
    }

    byte[] content(Caller caller, long id, long scanId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            access.requireReadable(em, caller, id);
            ScanEntity s = loadScan(em, id, scanId);
            byte[] bytes = s.getContent();
            // the stored bytes are served only while they are the ones recorded at upload
            if (bytes == null || !sha256(bytes).equals(s.getSha256())) {
                LOG.error("Scan #{} of special report #{} does not match its recorded SHA-256 {}", scanId, id, s.getSha256());
                throw new IllegalStateException("监管专报 " + id + " 的扫描件 " + scanId + " 与记录的 SHA-256 不符");
            }
            return bytes;
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScanEntity loadScan(EntityManager em, long id, long scanId) {
        ScanEntity s = em.find(ScanEntity.class, scanId);
        if (s == null || s.getReportId() != id) {
            throw SupervisionException.notFound("监管专报 " + id + " 没有扫描件 " + scanId);
        }
        return s;
    }
}
