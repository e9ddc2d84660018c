package cn.supervision.api.contribution;

public enum ContributionState {
    /** Validated and served. */
    ACTIVE,
    /** Refused with reasons; nothing of it is served. */
    REJECTED,
    /** A newer version of the same bundle took over. */
    SUPERSEDED,
    /** The bundle was uninstalled: its definitions are retired, nothing that referenced them is touched. */
    UNINSTALLED
}
