package cn.supervision.api.task;

import java.time.LocalDate;

/** One task to assign: what, to whom, by when. {@code detail} may be null; {@code ownerCode} is null for OFFICE. */
public record TaskDraft(String title, String detail, OwnerKind ownerKind, String ownerCode, LocalDate deadline) {
}
