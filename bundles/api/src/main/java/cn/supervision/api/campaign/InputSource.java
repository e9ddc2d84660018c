package cn.supervision.api.campaign;

/** Where an input came from, kept with it for provenance. */
public enum InputSource {
    /** The unit's own report (UNIT_USER). */
    SELF_REPORT,
    /** Entered by the staffing office. */
    OFFICE,
    /** A working-group evaluator's grade (justification mandatory). */
    EVALUATOR,
    /** Converted by the office from a peer-review questionnaire (部门互评); the explanation says how. */
    PEER_REVIEW,
    /** Converted by the office from a public-evaluation questionnaire (社会评议); the explanation says how. */
    PUBLIC_EVALUATION,
    /** Aggregated by the office from ingested platform data (平台数据), down to the batches used. */
    PLATFORM_DATA
}
