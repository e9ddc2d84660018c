package cn.supervision.campaign.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.campaign.internal.model.EvidenceEntity;
import cn.supervision.campaign.internal.model.InputEntity;

/** Supporting files attached to inputs: uploaded by whoever may document the input, read by whoever may read it. */
final class EvidenceDesk {
    private final JpaTemplate jpa;
    private final CampaignAccess access;
    private final Clock clock;

    EvidenceDesk(JpaTemplate jpa, CampaignAccess access, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.clock = clock;
    }

    private InputEntity input(long campaignId, long inputId) {
        InputEntity input = jpa.txExpr(TransactionType.Supports, em -> em.find(InputEntity.class, inputId));
        if (input == null || input.getCampaignId() != campaignId) {
            throw SupervisionException.notFound("输入 " + inputId + " 不存在");
        }
        return input;
    }

    Evidence attach(Caller caller, Campaign c, long inputId, String fileName, byte[] content) {
        requireUpload(caller, c, input(c.id(), inputId));
        if (c.state() != CampaignState.COLLECTING && c.state() != CampaignState.SCORING) {
            throw SupervisionException.conflict("监管活动处于“" + c.state() + "”阶段，不接受材料");
        }
        EvidenceFile file = EvidenceFile.check(fileName, content);
        EvidenceEntity e = new EvidenceEntity(c.id(), inputId, file.name(), file.contentType(), file.sha256(), caller.username(),
                clock.millis(), content);
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        return Records.evidence(e);
    }

    void checkUpload(Caller caller, Campaign c, long inputId) {
        requireUpload(caller, c, input(c.id(), inputId));
    }

    /** The one who entered an input documents it, as long as it may still write that kind; the office its own campaign's. */
    private void requireUpload(Caller caller, Campaign c, InputEntity input) {
        Unit unit = access.registry().getUnit(caller, input.getUnitId());
        Operation write = switch (input.getSource()) {
            case SELF_REPORT -> Operation.WRITE_SELF_REPORT;
            case EVALUATOR -> Operation.WRITE_GRADE;
            default -> Operation.WRITE_OFFICE_INPUT;
        };
        Access policy = access.registry().access();
        boolean author = input.getEnteredBy().equals(caller.username()) && policy.may(caller, write, CampaignAccess.target(c, unit));
        if (!author && !policy.may(caller, Operation.WRITE_OFFICE_INPUT, CampaignAccess.target(c))) {
            throw SupervisionException.forbidden("只能为自己填报的输入或本级监管活动的输入上传佐证材料");
        }
    }

    List<Evidence> list(Caller caller, Campaign c, long inputId) {
        InputEntity input = input(c.id(), inputId);
        requireRead(caller, c, input);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from EvidenceEntity e where e.inputId = :i order by e.id",
                EvidenceEntity.class).setParameter("i", inputId).getResultList().stream().map(Records::evidence).toList());
    }

    byte[] content(Caller caller, Campaign c, long evidenceId) {
        EvidenceEntity e = jpa.txExpr(TransactionType.Supports, em -> {
            EvidenceEntity x = em.find(EvidenceEntity.class, evidenceId);
            if (x != null) {
                x.getContent(); // load the lazy bytes inside the transaction
            }
            return x;
        });
        if (e == null || e.getCampaignId() != c.id()) {
            throw SupervisionException.notFound("佐证材料 " + evidenceId + " 不存在");
        }
        requireRead(caller, c, jpa.txExpr(TransactionType.Supports, em -> em.find(InputEntity.class, e.getInputId())));
        return e.getContent();
    }

    private void requireRead(Caller caller, Campaign c, InputEntity input) {
        access.registry().access().require(caller, Operation.READ_INPUTS,
                CampaignAccess.target(c, access.registry().getUnit(caller, input.getUnitId())));
    }
}
