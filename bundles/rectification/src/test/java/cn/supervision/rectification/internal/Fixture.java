package cn.supervision.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notification;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.rectification.NoticeDraft;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.Target;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeFindingService;

/** The real service on OpenJPA + in-memory Derby, with small typed fakes of the findings ledger and the notifications. */
final class Fixture implements AutoCloseable {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller GUANGRAO = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), "370523", null);
    static final Caller LIJIN_SWJ = new Caller("ljswj-user", Set.of(Role.UNIT_USER), "370522", "LJSWJ");
    static final Caller LIJIN_JYJ = new Caller("ljjyj-user", Set.of(Role.UNIT_USER), "370522", "LJJYJ");
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final List<Unit> UNITS = List.of(unit(11, "LJSWJ", "利津县水务局", "370522"), unit(12, "LJJYJ", "利津县教育局", "370522"),
            unit(21, "CZJ", "东营市财政局", "370500"));

    /** A clock the test moves: the service's "today" and record times. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(LocalDate day) {
            set(day);
        }

        void set(LocalDate day) {
            now = day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Sent(String to, Message message) { }

    final LocalJpaTemplate jpa = new LocalJpaTemplate("rectification-test", "META-INF/rectification-test-persistence.xml");
    final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, UNITS);
    final Map<Long, Finding> findings = new LinkedHashMap<>();
    final List<String> moves = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final Settings settings = new Settings();
    final TestClock clock = new TestClock(LocalDate.of(2026, 11, 30));
    final JpaRectificationService service;

    Fixture() {
        service = new JpaRectificationService(jpa, registry, new Findings(), new Notifications(), settings);
        service.setClock(clock);
    }

    static Unit unit(long id, String code, String name, String jurisdiction) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.now, ZoneId.of("Asia/Shanghai"));
    }

    long finding(long unitId, String jurisdiction, String description) {
        long id = findings.size() + 1L;
        Unit u = UNITS.stream().filter(x -> x.id() == unitId).findFirst().orElseThrow();
        findings.put(id, new Finding(id, jurisdiction, unitId, u.name(), FindingSource.of(SourceKind.MANUAL, "测试"),
                FindingCategory.DUTY_NOT_PERFORMED, Severity.values()[0], description, null, FindingState.OPEN, null, Instant.EPOCH, "t",
                Instant.EPOCH, "t"));
        return id;
    }

    NoticeDraft draft(long unitId, LocalDate deadline, Long... findingIds) {
        return new NoticeDraft("370522", unitId, List.of(findingIds), deadline, "整改报告及相关制度文件");
    }

    List<Sent> sent(String category) {
        return sent.stream().filter(s -> s.message().category().equals(category)).toList();
    }

    @Override
    public void close() {
        jpa.close();
    }

    final class Findings extends FakeFindingService {
        @Override
        public List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit) {
            return List.copyOf(findings.values());
        }

        @Override
        public Finding get(Caller caller, long id) {
            Finding f = findings.get(id);
            if (f == null) {
                throw SupervisionException.notFound("问题 " + id + " 不存在");
            }
            registry.access().require(caller, Operation.READ_FOLLOWUP, Target.of(f.jurisdictionCode()));
            return f;
        }

        @Override
        public Finding moveTo(Caller caller, long id, FindingState state, Long noticeId, String reason) {
            registry.access().require(caller, Operation.MANAGE_FOLLOWUP, Target.of(findings.get(id).jurisdictionCode()));
            Finding f = findings.get(id);
            Finding moved = new Finding(f.id(), f.jurisdictionCode(), f.unitId(), f.unitName(), f.source(), f.category(), f.severity(),
                    f.description(), f.evidence(), state, noticeId, f.createdAt(), f.createdBy(), Instant.EPOCH, caller.username());
            findings.put(id, moved);
            moves.add(id + "→" + state);
            return moved;
        }
    }

    final class Notifications implements NotificationService {
        @Override
        public int toUsers(Collection<String> usernames, Message message) {
            usernames.forEach(u -> sent.add(new Sent(u, message)));
            return usernames.size();
        }

        @Override
        public int toUnit(String jurisdictionCode, String unitCode, Message message) {
            sent.add(new Sent("unit:" + jurisdictionCode + "/" + unitCode, message));
            return 1;
        }

        @Override
        public int toOffice(String jurisdictionCode, Message message) {
            sent.add(new Sent("office:" + jurisdictionCode, message));
            return 1;
        }

        @Override
        public List<Notification> inbox(Caller caller, boolean unreadOnly, int offset, int limit) {
            return List.of();
        }

        @Override
        public long unreadCount(Caller caller) {
            return 0;
        }

        @Override
        public Notification markRead(Caller caller, long id) {
            throw SupervisionException.notFound("no inbox here");
        }
    }
}
