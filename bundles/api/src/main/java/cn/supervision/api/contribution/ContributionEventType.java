package cn.supervision.api.contribution;

public enum ContributionEventType {
    /** A symbolic name served for the first time (or again after an uninstall). */
    INSTALLED,
    /** Another version or content of a symbolic name already served replaced it. */
    UPDATED,
    /** Refused: at the upload or install gate (code, signature, ownership, malformed jar) or by content validation. */
    REFUSED,
    /** The bundle was uninstalled; its indicator systems were retired. */
    UNINSTALLED
}
