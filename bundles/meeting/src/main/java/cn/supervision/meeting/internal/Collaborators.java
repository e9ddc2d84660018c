package cn.supervision.meeting.internal;

import java.util.List;
import java.util.function.Supplier;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.report.SpecialReportService;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.task.TaskService;

/**
 * The other domains a meeting reaches, by their api services. Departments, tasks and documents come from bundles of
 * the same round (and special reports) are optional references: while one is missing, what needs it answers 503 naming it.
 */
public final class Collaborators {
    final FindingService findings;
    final CampaignService campaigns;
    final NotificationService notifications;
    final UserDirectory users;
    private final Supplier<DepartmentDirectory> departments;
    private final Supplier<TaskService> tasks;
    private final Supplier<DocumentService> documents;
    private final Supplier<SpecialReportService> reports;

    public Collaborators(FindingService findings, CampaignService campaigns, NotificationService notifications,
                         UserDirectory users, List<DepartmentDirectory> departments, List<TaskService> tasks,
                         List<DocumentService> documents, List<SpecialReportService> reports) {
        this.findings = findings;
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.users = users;
        this.departments = first(departments);
        this.tasks = first(tasks);
        this.documents = first(documents);
        this.reports = first(reports);
    }

    /** The first service of an optional Blueprint reference-list, or null while none is registered. */
    static <T> Supplier<T> first(List<T> services) {
        return () -> {
            try {
                return services == null || services.isEmpty() ? null : services.get(0);
            } catch (IndexOutOfBoundsException gone) {
                return null;
            }
        };
    }

    DepartmentDirectory departments() {
        return required(departments.get(), "协作部门目录");
    }

    TaskService tasks() {
        return required(tasks.get(), "督办事项服务");
    }

    /** The task service, or null while it is not running (readers then see no task states). */
    TaskService tasksIfRunning() {
        return tasks.get();
    }

    DocumentService documents() {
        return required(documents.get(), "文书服务");
    }

    /** The special-report service, or null while it is not running (special reports are then taken by id). */
    SpecialReportService reportsIfRunning() {
        return reports.get();
    }

    private static <T> T required(T service, String name) {
        if (service == null) {
            throw new SupervisionException(ProblemKind.UNAVAILABLE, "服务暂不可用", name + "暂不可用，请稍后再试", null);
        }
        return service;
    }
}
