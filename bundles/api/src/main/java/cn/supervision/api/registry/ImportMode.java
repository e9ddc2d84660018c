package cn.supervision.api.registry;

public enum ImportMode {
    /** Create units whose code is new, replace the others. */
    UPSERT,
    /** Create units whose code is new, leave existing ones untouched (seeding must not undo an office's edits). */
    CREATE_MISSING
}
