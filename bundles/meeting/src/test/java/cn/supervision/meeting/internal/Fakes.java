package cn.supervision.meeting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
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

/** Typed fakes of the services a meeting reaches: departments, findings, campaigns, tasks, documents, users, inbox. */
final class Fakes {
    private Fakes() {
    }

    static Department department(long id, String jurisdiction, String code, String name, DepartmentKind kind, boolean active) {
        return new Department(id, jurisdiction, code, name, kind, List.of(), active);
    }

    static final class Directory implements DepartmentDirectory {
        final List<Department> departments = new ArrayList<>();

        @Override
        public Optional<Department> find(String jurisdictionCode, String code) {
            return departments.stream().filter(d -> d.jurisdictionCode().equals(jurisdictionCode) && d.code().equals(code)).findFirst();
        }

        @Override
        public List<Department> active(String jurisdictionCode) {
            return departments.stream().filter(d -> d.jurisdictionCode().equals(jurisdictionCode) && d.active()).toList();
        }
    }

    /** Findings by id, read under the real policy (READ_FOLLOWUP). */
    static final class Findings extends FakeFindingService {
        final Map<Long, Finding> byId = new LinkedHashMap<>();
        private final Access access;

        Findings(Access access) {
            this.access = access;
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

    /** A campaign service that only answers get (the meeting asks nothing else). */
    static CampaignService campaigns(Access access, Map<Long, Campaign> byId) {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller caller, long id) {
                Campaign c = byId.get(id);
                if (c == null) {
                    throw SupervisionException.notFound("监管活动 " + id + " 不存在");
                }
                access.require(caller, Operation.READ_CAMPAIGN, c.jurisdictionCode());
                return c;
            }
        };
    }

    /** Tasks as the task service would keep them: creations captured, states settable, a failure on demand. */
    static final class Tasks extends FakeTaskService {
        record Creation(Caller caller, String jurisdictionCode, TaskOrigin origin, long originId, List<TaskDraft> drafts) { }

        final List<Creation> creations = new ArrayList<>();
        final Map<Long, TrackedTask> tasks = new LinkedHashMap<>();
        private final Clock clock;
        SupervisionException failWith;
        private long next = 100;

        Tasks(Clock clock) {
            this.clock = clock;
        }

        @Override
        public List<TrackedTask> create(Caller caller, String jurisdictionCode, TaskOrigin origin, long originId, List<TaskDraft> drafts) {
            if (failWith != null) {
                throw failWith;
            }
            creations.add(new Creation(caller, jurisdictionCode, origin, originId, List.copyOf(drafts)));
            List<TrackedTask> out = new ArrayList<>();
            for (TaskDraft d : drafts) {
                TrackedTask t = new TrackedTask(next++, jurisdictionCode, origin, originId, d.title(), d.detail(), d.ownerKind(),
                        d.ownerCode(), null, d.deadline(), TaskState.OPEN, false, caller.username(), clock.instant(), null, null,
                        null, List.of());
                tasks.put(t.id(), t);
                out.add(t);
            }
            return out;
        }

        void set(long id, TaskState state) {
            TrackedTask t = tasks.get(id);
            tasks.put(id, new TrackedTask(t.id(), t.jurisdictionCode(), t.origin(), t.originId(), t.title(), t.detail(), t.ownerKind(),
                    t.ownerCode(), t.ownerName(), t.deadline(), state, false, t.createdBy(), t.createdAt(), null, null, null, List.of()));
        }

        @Override
        public List<TrackedTask> list(Caller caller, String jurisdictionCode, TaskQuery query, int offset, int limit) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), JpaMeetingService.ZONE);
            return tasks.values().stream()
                    .filter(t -> t.jurisdictionCode().equals(jurisdictionCode) && t.origin() == query.origin()
                            && t.originId() == query.originId())
                    .filter(t -> caller.departmentCode() == null || caller.departmentCode().equals(t.ownerCode()))
                    .map(t -> new TrackedTask(t.id(), t.jurisdictionCode(), t.origin(), t.originId(), t.title(), t.detail(),
                            t.ownerKind(), t.ownerCode(), t.ownerName(), t.deadline(), t.state(),
                            t.state() == TaskState.OPEN && t.deadline().isBefore(today), t.createdBy(), t.createdAt(), null, null,
                            null, List.of()))
                    .toList();
        }
    }

    /** Captures what the meeting asks the document engine to render; documents by id for agenda links. */
    static final class Documents extends FakeDocumentService {
        final List<DocumentRequest> requests = new ArrayList<>();
        final Map<Long, StoredDocument> byId = new LinkedHashMap<>();

        static StoredDocument stored(long id, String jurisdiction, DocumentKind kind, String title, String number) {
            return new StoredDocument(id, jurisdiction, kind, "x:" + id, 1, cn.supervision.api.document.DocumentFormat.PDF, title,
                    number, null, null, 10, "00", "builtin", "00", false, "seed", Instant.EPOCH, null, null);
        }

        @Override
        public StoredDocument generate(Caller caller, DocumentRequest request) {
            requests.add(request);
            StoredDocument d = new StoredDocument(900 + requests.size(), request.jurisdictionCode(), request.kind(), request.subject(),
                    requests.size(), request.format(), request.title(), "东编办发〔2026〕1号", null, null, 100, "ab", "builtin", "cd",
                    false, caller.username(), Instant.EPOCH, null, null);
            byId.put(d.id(), d);
            return d;
        }


        @Override
        public StoredDocument get(Caller caller, long id) {
            StoredDocument d = byId.get(id);
            if (d == null) {
                throw SupervisionException.notFound("文书 " + id + " 不存在");
            }
            return d;
        }
    }

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

    /** An inbox that records who was told what. */
    static final class Inbox extends FakeNotificationService {
        record Sent(List<String> usernames, Message message) { }

        final List<Sent> sent = new ArrayList<>();

        @Override
        public int toUsers(Collection<String> usernames, Message message) {
            sent.add(new Sent(List.copyOf(usernames), message));
            return usernames.size();
        }
    }
}
