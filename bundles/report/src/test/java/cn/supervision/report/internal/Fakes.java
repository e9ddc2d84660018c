package cn.supervision.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.testing.fakes.FakeCampaignService;
import cn.supervision.testing.fakes.FakeDocumentService;
import cn.supervision.testing.fakes.FakeFindingService;
import cn.supervision.testing.fakes.FakeNotificationService;
import cn.supervision.testing.fakes.FakeTaskService;

/** Typed fakes of the services a special report uses, each deciding with the real Access policy where it matters. */
final class Fakes {
    private Fakes() {
    }

    /** Findings by id, read with READ_FOLLOWUP. */
    static final class Findings extends FakeFindingService {
        final Map<Long, Finding> byId = new LinkedHashMap<>();
        private final Access access;

        Findings(Access access, List<Finding> findings) {
            this.access = access;
            findings.forEach(f -> byId.put(f.id(), f));
        }

        @Override
        public Finding get(Caller caller, long id) {
            Finding f = byId.get(id);
            if (f == null) {
                throw SupervisionException.notFound("问题 " + id + " 不存在");
            }
            access.require(caller, Operation.READ_FOLLOWUP, f.jurisdictionCode());
            return f;
        }
    }

    /** Campaigns with their published results, read with READ_CAMPAIGN / READ_RESULTS. */
    static final class Campaigns extends FakeCampaignService {
        final Map<Long, Campaign> campaigns = new LinkedHashMap<>();
        final Map<Long, List<UnitResult>> results = new LinkedHashMap<>();
        private final Access access;

        Campaigns(Access access) {
            this.access = access;
        }

        @Override
        public Campaign get(Caller caller, long id) {
            Campaign c = campaigns.get(id);
            if (c == null) {
                throw SupervisionException.notFound("监管活动 " + id + " 不存在");
            }
            access.require(caller, Operation.READ_CAMPAIGN, c.jurisdictionCode());
            return c;
        }

        @Override
        public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) {
            Campaign c = get(caller, campaignId);
            access.require(caller, Operation.READ_RESULTS, new Target(c.jurisdictionCode(), null, c.state() == CampaignState.PUBLISHED));
            return results.getOrDefault(campaignId, List.of());
        }
    }

    /** The realm's users as the security bundle lists them. */
    static final class Users implements UserDirectory {
        final List<UserInfo> users;

        Users(List<UserInfo> users) {
            this.users = users;
        }

        @Override
        public List<UserInfo> users() {
            return users;
        }

        @Override
        public Optional<UserInfo> user(String username) {
            return users.stream().filter(u -> u.username().equals(username)).findFirst();
        }
    }

    /**
     * The task service's contract as the report bundle relies on it: MANAGE_TASKS to create, all or none, owners that
     * exist ({@code units} / {@code departments} by code), deadlines not in the past; closing moves a task to DONE.
     */
    static final class Tasks extends FakeTaskService {
        final Map<Long, TrackedTask> tasks = new LinkedHashMap<>();
        final List<Caller> creators = new ArrayList<>();
        final List<String> units;
        final List<String> departments;
        private final Access access;
        private final Clock clock;
        private final AtomicLong ids = new AtomicLong();

        Tasks(Access access, Clock clock, List<String> units, List<String> departments) {
            this.access = access;
            this.clock = clock;
            this.units = units;
            this.departments = departments;
        }

        @Override
        public List<TrackedTask> create(Caller caller, String jurisdictionCode, TaskOrigin origin, long originId, List<TaskDraft> drafts) {
            access.require(caller, Operation.MANAGE_TASKS, jurisdictionCode);
            for (int i = 0; i < drafts.size(); i++) {
                TaskDraft d = drafts.get(i);
                boolean known = switch (d.ownerKind()) {
                    case UNIT -> units.contains(d.ownerCode());
                    case DEPARTMENT -> departments.contains(d.ownerCode());
                    case OFFICE -> true;
                };
                if (!known) {
                    throw SupervisionException.invalid("drafts[" + i + "].ownerCode", "承办方 " + d.ownerCode() + " 不存在");
                }
            }
            creators.add(caller);
            List<TrackedTask> out = new ArrayList<>();
            for (TaskDraft d : drafts) {
                long id = ids.incrementAndGet();
                TrackedTask t = new TrackedTask(id, jurisdictionCode, origin, originId, d.title(), d.detail(), d.ownerKind(), d.ownerCode(),
                        d.ownerCode(), d.deadline(), TaskState.OPEN, false, caller.username(), clock.instant(), null, null, null, List.of());
                tasks.put(id, t);
                out.add(t);
            }
            return out;
        }

        @Override
        public List<TrackedTask> list(Caller caller, String jurisdictionCode, TaskQuery query, int offset, int limit) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
            return tasks.values().stream().filter(t -> access.may(caller, Operation.READ_TASKS, t.jurisdictionCode()))
                    .filter(t -> jurisdictionCode == null || t.jurisdictionCode().equals(jurisdictionCode))
                    .filter(t -> query.origin() == null || t.origin() == query.origin())
                    .filter(t -> query.originId() == null || t.originId() == query.originId())
                    .map(t -> withOverdue(t, t.state() == TaskState.OPEN && t.deadline().isBefore(today)))
                    .skip(offset).limit(limit).toList();
        }

        private static TrackedTask withOverdue(TrackedTask t, boolean overdue) {
            return new TrackedTask(t.id(), t.jurisdictionCode(), t.origin(), t.originId(), t.title(), t.detail(), t.ownerKind(),
                    t.ownerCode(), t.ownerName(), t.deadline(), t.state(), overdue, t.createdBy(), t.createdAt(), t.closedBy(),
                    t.closedAt(), t.closingNote(), t.progress());
        }

        @Override
        public TrackedTask close(Caller caller, long id, String note) {
            TrackedTask t = tasks.get(id);
            access.require(caller, Operation.MANAGE_TASKS, t.jurisdictionCode());
            TrackedTask done = new TrackedTask(t.id(), t.jurisdictionCode(), t.origin(), t.originId(), t.title(), t.detail(),
                    t.ownerKind(), t.ownerCode(), t.ownerName(), t.deadline(), TaskState.DONE, false, t.createdBy(), t.createdAt(),
                    caller.username(), clock.instant(), note, t.progress());
            tasks.put(id, done);
            return done;
        }
    }

    /** Captures what would be rendered; numbers the first version of a subject, keeps the number after. */
    static final class Documents extends FakeDocumentService {
        final List<DocumentRequest> requests = new ArrayList<>();
        final List<Caller> callers = new ArrayList<>();
        final Map<Long, byte[]> contents = new LinkedHashMap<>();
        private final Access access;
        private final AtomicLong ids = new AtomicLong(100);

        Documents(Access access) {
            this.access = access;
        }

        @Override
        public StoredDocument generate(Caller caller, DocumentRequest request) {
            access.require(caller, Operation.GENERATE_DOCUMENTS, request.jurisdictionCode());
            for (String field : request.kind().requiredFields()) {
                if (!List.of("documentNumber", "issuingOffice").contains(field) && !request.model().containsKey(field)) {
                    throw SupervisionException.invalid("model." + field, "缺少 " + field);
                }
            }
            int version = (int) requests.stream().filter(r -> r.subject().equals(request.subject())
                    && r.format() == request.format()).count() + 1;
            requests.add(request);
            callers.add(caller);
            long id = ids.incrementAndGet();
            contents.put(id, ("%PDF " + request.title()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new StoredDocument(id, request.jurisdictionCode(), request.kind(), request.subject(), version, request.format(),
                    request.title(), request.kind().redHeader() ? "东编办专〔2026〕1号" : null, null, null, 10, "00", "builtin", "00",
                    false, caller.username(), Instant.EPOCH, null, null);
        }

        @Override
        public byte[] content(Caller caller, long id) {
            access.require(caller, Operation.READ_DOCUMENTS, "370500");
            // like the real service: 监管专报 are not readable through the document service by the jurisdiction's leaders
            if (!access.may(caller, Operation.MANAGE_SPECIAL_REPORTS, cn.supervision.api.security.Target.of("370500"))) {
                throw SupervisionException.forbidden("监管专报文书只能通过监管专报查阅");
            }
            return contents.get(id);
        }
    }

    /** Captures the messages by recipient ("user:x" or "office:code"). */
    static final class Notifications extends FakeNotificationService {
        final List<String> sent = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();

        @Override
        public int toUsers(java.util.Collection<String> usernames, Message message) {
            usernames.forEach(u -> sent.add("user:" + u));
            messages.add(message);
            return usernames.size();
        }

        @Override
        public int toOffice(String jurisdictionCode, Message message) {
            sent.add("office:" + jurisdictionCode);
            messages.add(message);
            return 1;
        }
    }

    static TaskDraft task(String title, OwnerKind kind, String owner, LocalDate deadline) {
        return new TaskDraft(title, null, kind, owner, deadline);
    }

    static DocumentFormat pdf() {
        return DocumentFormat.PDF;
    }
}
