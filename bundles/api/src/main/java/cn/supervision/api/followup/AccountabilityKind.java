package cn.supervision.api.followup;

/** Accountability for a finding (arts. 20, 24 of the measures). */
public enum AccountabilityKind {
    /** The staffing office's own measure within its authority (监督问责: 约谈, 通报, 责令整改 …). */
    OFFICE_MEASURE("监督问责"),
    /** Beyond the office's authority: a proposal to the party committee (or discipline inspection) (问责建议). */
    PROPOSAL_TO_PARTY_COMMITTEE("问责建议");

    private final String label;

    AccountabilityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
