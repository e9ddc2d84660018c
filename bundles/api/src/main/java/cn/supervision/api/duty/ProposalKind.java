package cn.supervision.api.duty;

public enum ProposalKind {
    /** Two units appear to hold the same duty (职责交叉). */
    OVERLAP("职责交叉"),
    /** A duty of a previous mandate (a merged or abolished unit, or one dropped in a revision) no unit holds now (职责空白). */
    GAP("职责空白");

    private final String label;

    ProposalKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
