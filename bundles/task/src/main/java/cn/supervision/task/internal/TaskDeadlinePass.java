package cn.supervision.task.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.notification.Message;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.api.task.TaskState;
import cn.supervision.task.internal.model.TaskEntity;
import cn.supervision.task.internal.model.TaskEventEntity;
import cn.supervision.task.internal.model.TaskNoticeEntity;

/**
 * The scheduler's daily "task-deadlines" pass: a reminder to the owner when an OPEN task's deadline comes within
 * {@code remindDaysBefore} days, and, once the deadline has passed, one overdue notice to the owner and the office
 * (kept in the task's history). What was sent is remembered per task, kind and deadline: a second run the same day —
 * or any later day — sends nothing twice, and a new deadline is reminded afresh.
 */
public class TaskDeadlinePass implements ScheduledPass {
    public static final String NAME = "task-deadlines";
    static final String ACTOR = "system:" + NAME;
    private final JpaTemplate jpa;
    private final Recipients recipients;
    private final int remindDaysBefore;

    public TaskDeadlinePass(JpaTaskService service, int remindDaysBefore) {
        this.jpa = service.jpa();
        this.recipients = service.recipients();
        this.remindDaysBefore = Math.max(0, remindDaysBefore);
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Due(TaskEntity task, boolean overdue) { }

    @Override
    public PassResult run(Instant now) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(now, Deadlines.ZONE);
        long horizon = today.plusDays(remindDaysBefore).toEpochDay();
        List<TaskEntity> open = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from TaskEntity t where t.state = :open and t.deadline <= :h order by t.deadline, t.id", TaskEntity.class)
                .setParameter("open", TaskState.OPEN).setParameter("h", horizon).getResultList());
        if (!recipients.available()) {
            return new PassResult(NAME, now, open.size(), 0, (System.nanoTime() - started) / 1_000_000,
                    List.of("通知服务不可用：本次未发送督办事项提醒"), null);
        }
        Set<String> sent = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select n from TaskNoticeEntity n, TaskEntity t where n.taskId = t.id and t.state = :open and t.deadline <= :h",
                        TaskNoticeEntity.class).setParameter("open", TaskState.OPEN).setParameter("h", horizon).getResultList())
                .stream().map(n -> key(n.getKind(), n.getTaskId(), n.getDeadline())).collect(Collectors.toSet());
        List<Due> due = new ArrayList<>();
        for (TaskEntity t : open) {
            boolean overdue = Deadlines.overdue(t.getState(), t.getDeadline(), today);
            if (!sent.contains(key(overdue ? "OVERDUE" : "DUE_SOON", t.getId(), t.getDeadline()))) {
                due.add(new Due(t, overdue));
            }
        }
        long at = now.toEpochMilli();
        if (!due.isEmpty()) {
            jpa.tx(TransactionType.Required, em -> {
                for (Due d : due) {
                    TaskEntity t = d.task();
                    em.persist(new TaskNoticeEntity(t.getId(), d.overdue() ? "OVERDUE" : "DUE_SOON", t.getDeadline(), today.toEpochDay(), at));
                    if (d.overdue()) {
                        em.persist(new TaskEventEntity(t.getId(), "OVERDUE", "超过办理期限 " + LocalDate.ofEpochDay(t.getDeadline())
                                + " 未办结，已通知" + t.getOwnerName() + (t.getOwnerKind() == cn.supervision.api.task.OwnerKind.OFFICE
                                ? "" : "和机构编制部门"), ACTOR, at));
                    }
                }
            });
        }
        List<String> notes = new ArrayList<>();
        for (Due d : due) {
            TaskEntity t = d.task();
            LocalDate deadline = LocalDate.ofEpochDay(t.getDeadline());
            String link = Recipients.link(t.getId());
            if (d.overdue()) {
                recipients.ownerAndOffice(t, new Message("TASK_OVERDUE", "督办事项逾期：" + t.getTitle(), t.getOwnerName() + " 承办的督办事项“"
                        + t.getTitle() + "”已超过办理期限 " + deadline + "，尚未办结。", link));
                notes.add("督办事项 #" + t.getId() + " 逾期（" + t.getOwnerName() + "，期限 " + deadline + "）");
            } else {
                long left = deadline.toEpochDay() - today.toEpochDay();
                recipients.owner(t, new Message("TASK_DUE", "督办事项即将到期：" + t.getTitle(), t.getOwnerName() + "：督办事项“" + t.getTitle()
                        + "”的办理期限为 " + deadline + (left == 0 ? "（今天）" : "（还有 " + left + " 天）") + "，请按时办结并报告进展。", link));
                notes.add("督办事项 #" + t.getId() + " 到期提醒（" + t.getOwnerName() + "，期限 " + deadline + "）");
            }
        }
        return new PassResult(NAME, now, open.size(), due.size(), (System.nanoTime() - started) / 1_000_000,
                notes.size() > 100 ? List.copyOf(notes.subList(0, 100)) : List.copyOf(notes), null);
    }

    private static String key(String kind, long taskId, long deadline) {
        return kind + ":" + taskId + ":" + deadline;
    }
}
