package cn.supervision.api.rectification;

import java.time.LocalDate;

/** The unit's plan for one item: 措施, 责任人, 时限 (not after the notice's deadline). */
public record PlanDraft(String measures, String responsiblePerson, LocalDate dueDate) {
}
