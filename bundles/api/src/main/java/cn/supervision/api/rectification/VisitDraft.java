package cn.supervision.api.rectification;

import java.time.LocalDate;

/** A follow-up visit as recorded by the office. */
public record VisitDraft(LocalDate visitedOn, VisitResult result, String notes) {
}
