package cn.supervision.api.duty;

public enum ProposalState {
    PROPOSED("待研判"),
    CONFIRMED("已确认"),
    DISMISSED("已排除");

    private final String label;

    ProposalState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
