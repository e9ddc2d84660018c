package cn.supervision.api.task;

/**
 * Filters of a task listing; every field may be null (no filter). {@code overdueOnly}: only OPEN tasks past their
 * deadline.
 */
public record TaskQuery(TaskOrigin origin, Long originId, TaskState state, boolean overdueOnly, OwnerKind ownerKind,
                        String ownerCode) {

    public static TaskQuery all() {
        return new TaskQuery(null, null, null, false, null, null);
    }

    public static TaskQuery of(TaskOrigin origin, long originId) {
        return new TaskQuery(origin, originId, null, false, null, null);
    }
}
