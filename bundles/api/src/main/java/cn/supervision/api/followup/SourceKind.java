package cn.supervision.api.followup;

/** Where a finding comes from. */
public enum SourceKind {
    /** A published campaign result: unit + indicator (or adjustment) code + revision. */
    CAMPAIGN_RESULT,
    /** A warning of the ledger. */
    WARNING,
    /** A leader's instruction (批示). */
    INSTRUCTION,
    /** An inspection, audit or inspection-tour report (reference = its document number). */
    INSPECTION,
    /** A confirmed overlap or gap proposal of the duty analysis (reference = the proposal's id). */
    DUTY_ANALYSIS,
    /** Entered by hand (reference = the reason). */
    MANUAL
}
