package cn.supervision.report.internal;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.security.Caller;

/**
 * Submission and review: the drafter submits, another of the office approves (and the report gets its issue number,
 * "YYYY年第N期", counted per jurisdiction and year) or returns it for revision with a reason. Each is a move of
 * {@link StateMoves}.
 */
final class Review {
    private final StateMoves moves;
    private final ReportClock clock;

    Review(StateMoves moves, ReportClock clock) {
        this.moves = moves;
        this.clock = clock;
    }

    SpecialReport submit(Caller caller, long id) {
        return moves.move(caller, id, ReportState.IN_REVIEW, "提交审核", "SUBMITTED", null, (em, e) -> {
            e.setSubmittedBy(caller.username());
            e.setReturnReason(null);
        });
    }

    SpecialReport approve(Caller caller, long id) {
        return moves.move(caller, id, ReportState.APPROVED, "审核通过", "APPROVED", null, (em, e) -> {
            if (caller.username().equals(e.getSubmittedBy()) || caller.username().equals(e.getCreatedBy())) {
                throw SupervisionException.forbidden("监管专报须由起草人和提交人以外的本机关人员审核（起草人：" + e.getCreatedBy()
                        + "，提交人：" + e.getSubmittedBy() + "）");
            }
            int year = clock.year();
            Rows.lockIssues(em, e.getJurisdictionCode(), year);
            long before = em.createQuery("select count(r) from SpecialReportEntity r where r.jurisdictionCode = :j and r.issueYear = :y",
                    Long.class).setParameter("j", e.getJurisdictionCode()).setParameter("y", year).getSingleResult();
            e.setIssueYear(year);
            e.setIssue(year + "年第" + (before + 1) + "期");
            e.setApprovedBy(caller.username());
            e.setApprovedAt(clock.millis());
        });
    }

    SpecialReport returnForRevision(Caller caller, long id, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > Workflow.MAX_REASON) {
            throw SupervisionException.invalid("reason", "退回必须说明理由（不超过 " + Workflow.MAX_REASON + " 个字符）");
        }
        return moves.move(caller, id, ReportState.RETURNED, "退回修改", "RETURNED", why, (em, e) -> e.setReturnReason(why));
    }
}
