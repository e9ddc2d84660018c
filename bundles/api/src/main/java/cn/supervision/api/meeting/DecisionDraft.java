package cn.supervision.api.meeting;

import java.util.List;

import cn.supervision.api.task.TaskDraft;

/**
 * A decision of a held meeting: its text and the tasks that carry it out (one or more; each with an owner unit,
 * department or the office, and a deadline not in the past). A task without a title takes the decision's text.
 */
public record DecisionDraft(String text, List<TaskDraft> tasks) {
}
