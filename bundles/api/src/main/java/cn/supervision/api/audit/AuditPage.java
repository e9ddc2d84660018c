package cn.supervision.api.audit;

import java.util.List;

/** One page of entries, newest first, and how many match in total. */
public record AuditPage(List<AuditEntry> entries, long total) {
}
