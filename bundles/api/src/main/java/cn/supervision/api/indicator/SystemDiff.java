package cn.supervision.api.indicator;

import java.util.List;

/** Nodes added, removed and changed between two versions, by code; {@code changes} names the changed fields. */
public record SystemDiff(long fromId, long toId, List<String> added, List<String> removed, List<Change> changed) {
    public record Change(String code, List<String> fields) { }
}
