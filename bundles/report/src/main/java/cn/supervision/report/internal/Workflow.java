package cn.supervision.report.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.ReportState;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * The report's state machine: from which states each move starts, and the refusal naming the current state. Events
 * within a state (reading, instructing again, assigning tasks) have their own allowed states.
 */
final class Workflow {
    /** Which states each move starts from. */
    static final Map<ReportState, Set<ReportState>> MOVES = Map.of(
            ReportState.IN_REVIEW, EnumSet.of(ReportState.DRAFT, ReportState.RETURNED),
            ReportState.RETURNED, EnumSet.of(ReportState.IN_REVIEW),
            ReportState.APPROVED, EnumSet.of(ReportState.IN_REVIEW),
            ReportState.SENT, EnumSet.of(ReportState.APPROVED),
            ReportState.INSTRUCTED, EnumSet.of(ReportState.SENT, ReportState.INSTRUCTED),
            ReportState.CLOSED, EnumSet.of(ReportState.INSTRUCTED));
    /** The drafter may rewrite the report in these. */
    static final Set<ReportState> EDITABLE = EnumSet.of(ReportState.DRAFT, ReportState.RETURNED);
    /** Reviewed: the document can be generated (its number is given once, at the first version). */
    static final Set<ReportState> REVIEWED = EnumSet.of(ReportState.APPROVED, ReportState.SENT, ReportState.INSTRUCTED,
            ReportState.CLOSED);
    /** The reason of a return for revision, the note of closing: at most this long. */
    static final int MAX_REASON = 500;
    private static final Set<ReportState> UNREVIEWED = EnumSet.of(ReportState.DRAFT, ReportState.IN_REVIEW, ReportState.RETURNED);

    private Workflow() {
    }

    /** 409 unless {@code to} may follow the report's state. */
    static void require(SpecialReportEntity e, ReportState to, String action) {
        if (!MOVES.get(to).contains(e.getState())) {
            if (to == ReportState.SENT && UNREVIEWED.contains(e.getState())) {
                throw SupervisionException.conflict("监管专报 #" + e.getId() + " 尚未审核通过，不能报送领导（当前状态为“"
                        + e.getState().label() + "”（" + e.getState() + "）；须由提交人以外的本机关人员审核）");
            }
            throw conflict(e, action);
        }
    }

    /** 409 unless the report is in one of {@code states}. */
    static void requireIn(SpecialReportEntity e, Set<ReportState> states, String action) {
        if (!states.contains(e.getState())) {
            throw conflict(e, action);
        }
    }

    static SupervisionException conflict(SpecialReportEntity e, String action) {
        return SupervisionException.conflict("监管专报 #" + e.getId() + " 当前状态为“" + e.getState().label() + "”（"
                + e.getState() + "），不能" + action);
    }
}
