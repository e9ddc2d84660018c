package cn.supervision.api.rectification;

/** The measures of escalation within a staffing office's own authority. */
public enum EscalationKind {
    /** 约谈: a talk with the unit's leaders (date, participants, minutes). */
    ADMONITORY_TALK("约谈"),
    /** 通报批评: a criticism notice circulated in the jurisdiction. */
    CIRCULATED_CRITICISM("通报批评");

    private final String label;

    EscalationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
