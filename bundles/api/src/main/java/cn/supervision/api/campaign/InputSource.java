package cn.supervision.api.campaign;

/** Where an input came from, kept with it for provenance. */
public enum InputSource {
    /** The unit's own report (UNIT_USER). */
    SELF_REPORT,
    /** Entered by the staffing office (e.g. survey or platform figures until those channels deliver them). */
    OFFICE,
    /** A working-group evaluator's grade (justification mandatory). */
    EVALUATOR
}
