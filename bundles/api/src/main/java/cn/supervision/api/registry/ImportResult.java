package cn.supervision.api.registry;

import java.util.List;

/** Outcome of an all-or-nothing bulk import: the codes created, updated and left unchanged. */
public record ImportResult(String jurisdictionCode, List<String> created, List<String> updated, List<String> unchanged) {
}
