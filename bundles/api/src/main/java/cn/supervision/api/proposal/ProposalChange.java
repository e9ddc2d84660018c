package cn.supervision.api.proposal;

import cn.supervision.api.registry.Staffing;

/**
 * One change a proposal makes to one unit; which fields matter depends on {@link ChangeKind}. {@code slotKind} is
 * ADMINISTRATIVE or INSTITUTIONAL.
 */
public record ProposalChange(ChangeKind kind, long unitId, Long otherUnitId, Integer dutyNumber, String text,
                             String internalBody, Staffing staffing, String slotKind, Integer count, Integer year) {
}
