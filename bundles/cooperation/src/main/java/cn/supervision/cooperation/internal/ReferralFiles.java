package cn.supervision.cooperation.internal;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.cooperation.FileContent;
import cn.supervision.api.cooperation.ReferralEvidence;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.cooperation.internal.model.ReferralEntity;
import cn.supervision.cooperation.internal.model.ReferralFileEntity;

/**
 * The files of a referral: the office's supporting material until the department acknowledges receipt, then the
 * department's result files until its feedback is final. A file is served only while its bytes are the ones recorded.
 */
final class ReferralFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ReferralFiles.class);

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final ReferralReader reader;
    private final Clock clock;

    ReferralFiles(JpaTemplate jpa, RegistryService registry, ReferralReader reader, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.reader = reader;
        this.clock = clock;
    }

    void checkUpload(Caller caller, long referralId) {
        ReferralEntity r = reader.load(referralId);
        Access access = registry.access();
        reader.requireVisible(caller, r);
        if (access.may(caller, Operation.MANAGE_COOPERATION, r.getJurisdictionCode())) {
            if (r.getState() != ReferralState.SENT) {
                throw SupervisionException.conflict("线索已被签收（当前状态“" + r.getState().label() + "”），不能再补充佐证材料");
            }
            return;
        }
        access.require(caller, Operation.ANSWER_REFERRAL, ReferralReader.target(r));
        if (r.getState() != ReferralState.ACKNOWLEDGED && r.getState() != ReferralState.ACCEPTED) {
            throw SupervisionException.conflict("线索当前状态为“" + r.getState().label() + "”（" + r.getState() + "），不接受处理结果文件");
        }
    }

    ReferralEvidence attach(Caller caller, long referralId, String fileName, byte[] content) {
        checkUpload(caller, referralId);
        EvidenceFile file = EvidenceFile.check(fileName, content);
        boolean fromDepartment = !caller.isSystem() && caller.departmentCode() != null;
        ReferralFileEntity e = new ReferralFileEntity(referralId, file.name(), file.contentType(), file.sha256(), fromDepartment,
                caller.username(), clock.millis(), content);
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        return Values.evidence(e);
    }

    FileContent read(Caller caller, long referralId, long evidenceId) {
        ReferralEntity r = reader.load(referralId);
        reader.requireVisible(caller, r);
        return jpa.txExpr(TransactionType.Supports, em -> {
            ReferralFileEntity f = em.find(ReferralFileEntity.class, evidenceId);
            if (f == null || f.getReferralId() != referralId) {
                throw SupervisionException.notFound("线索 " + referralId + " 没有文件 " + evidenceId);
            }
            byte[] bytes = f.getContent();
            // the stored bytes are served only while they are the ones recorded at upload
            if (bytes == null || !sha256(bytes).equals(f.getSha256())) {
                LOG.error("Evidence #{} of referral #{} does not match its recorded SHA-256 {}", evidenceId, referralId, f.getSha256());
                throw new IllegalStateException("线索 " + referralId + " 的文件 " + evidenceId + " 与记录的 SHA-256 不符");
            }
            return new FileContent(f.getFileName(), f.getContentType(), bytes);
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
