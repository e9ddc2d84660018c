package cn.supervision.api.proposal;

/**
 * The life of an establishment proposal: drafted, submitted to the office head, approved or returned with a reason
 * (a returned proposal is revised and submitted again), and finally applied to the unit registry.
 */
public enum ProposalState {
    DRAFT("草稿"), SUBMITTED("已提交审定"), RETURNED("已退回"), APPROVED("已审定"), APPLIED("已执行");

    private final String label;

    ProposalState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
