package cn.supervision.meeting.internal;

import static cn.supervision.meeting.internal.MeetingServiceTest.CITY;
import static cn.supervision.meeting.internal.MeetingServiceTest.CZJ;
import static cn.supervision.meeting.internal.MeetingServiceTest.LJ_CZ;
import static cn.supervision.meeting.internal.MeetingServiceTest.NOW;
import static cn.supervision.meeting.internal.MeetingServiceTest.TODAY;
import static cn.supervision.meeting.internal.MeetingServiceTest.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.meeting.AttendanceDraft;
import cn.supervision.api.meeting.AttendeeDraft;
import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionDraft;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.meeting.MembershipDraft;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.TwoNodes;

/**
 * The same step on two platform nodes at once: the first node's transaction stops before it commits, the second
 * starts meanwhile and must wait for it (the meeting's, or the membership's, lock) and then decide on what it
 * committed. Without the locks each found the state the first had not committed yet: two decisions numbered 1, a
 * department twice a current member, a meeting both held and cancelled.
 */
class MeetingRaceTest {
    private LocalJpaTemplate jpa;
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(CZJ, LJ_CZ));
    private JpaMeetingService meetings;

    private JpaMeetingService node(JpaTemplate template) {
        Fakes.Directory directory = new Fakes.Directory();
        directory.departments.add(Fakes.department(1, "370500", "SJJ", "东营市审计局", DepartmentKind.AUDIT, true));
        Fakes.Users users = new Fakes.Users(List.of(MeetingServiceTest.user("city-audit", Role.DEPARTMENT, "370500", "SJJ")));
        return new JpaMeetingService(template, registry, new Collaborators(new Fakes.Findings(registry.access()),
                Fakes.campaigns(registry.access(), Map.of()), new Fakes.Inbox(), users, List.of(directory),
                List.of(new Fakes.Tasks(clock)), List.of(new Fakes.Documents()), List.of()), clock);
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("meeting-test", "META-INF/meeting-test-persistence.xml");
        meetings = node(jpa.jdbcInTransaction());
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    /** {@code call} on two nodes at once (see {@link TwoNodes}): the first's result, the second's or its refusal. */
    private List<Object> onTwoNodesAtOnce(Function<JpaMeetingService, Object> call) throws Exception {
        return onTwoNodesAtOnce(call, call);
    }

    private List<Object> onTwoNodesAtOnce(Function<JpaMeetingService, Object> first, Function<JpaMeetingService, Object> then)
            throws Exception {
        return TwoNodes.atOnce(jpa, "SV_LOCK", this::node, this::node, first, then);
    }

    private Meeting held() {
        meetings.join(CITY, "370500", new MembershipDraft("SJJ", TODAY.minusDays(30), List.of(ZHANG)));
        Meeting m = meetings.schedule(CITY, "370500", MeetingServiceTest.draft(LocalDateTime.of(2026, 11, 30, 14, 30),
                MeetingServiceTest.topic("通报年度监管情况")));
        clock.set(Instant.parse("2026-11-30T06:30:00Z"));
        return meetings.recordAttendance(CITY, m.id(), attendance());
    }

    private static AttendanceDraft attendance() {
        return new AttendanceDraft(List.of("SJJ"), List.of(new AttendeeDraft("张明", "SJJ"), new AttendeeDraft("王主任", null)));
    }

    @Test
    void twoDecisionsRecordedAtOnceAreNumberedOneAndTwo() throws Exception {
        long id = held().id();
        List<Object> done = onTwoNodesAtOnce(node -> node.decide(CITY, id, new DecisionDraft("由市财政局牵头整改",
                List.of(MeetingServiceTest.toUnit("CZJ", TODAY.plusDays(30))))));
        assertEquals(List.of(1, 2), done.stream().map(d -> ((Decision) d).no()).toList());
        assertEquals(List.of(1, 2), meetings.get(CITY, id).decisions().stream().map(Decision::no).toList());
    }

    @Test
    void aDepartmentJoiningOnTwoNodesAtOnceIsOneMemberAndTheSecondIsToldSo() throws Exception {
        List<Object> done = onTwoNodesAtOnce(node -> node.join(CITY, "370500", new MembershipDraft("SJJ", null, List.of(ZHANG))));
        SupervisionException second = assertInstanceOf(SupervisionException.class, done.get(1));
        assertEquals(ProblemKind.CONFLICT, second.kind());
        assertTrue(second.getMessage().contains("已是联席会议成员单位"), second.getMessage());
        assertEquals(1, meetings.members(CITY, "370500", true).size());
    }

    @Test
    void aMeetingHeldAndCancelledAtOnceIsOneOfThem() throws Exception {
        meetings.join(CITY, "370500", new MembershipDraft("SJJ", TODAY.minusDays(30), List.of(ZHANG)));
        Meeting m = meetings.schedule(CITY, "370500", MeetingServiceTest.draft(LocalDateTime.of(2026, 11, 30, 14, 30),
                MeetingServiceTest.topic("通报年度监管情况")));
        clock.set(Instant.parse("2026-11-30T06:30:00Z"));
        boolean[] attendFirst = {true};
        List<Object> done = onTwoNodesAtOnce(node -> {
            boolean attend = attendFirst[0];
            attendFirst[0] = false;
            return attend ? node.recordAttendance(CITY, m.id(), attendance()) : node.cancel(CITY, m.id(), "会议室临时占用");
        });
        assertEquals(MeetingState.HELD, ((Meeting) done.get(0)).state());
        SupervisionException cancel = assertInstanceOf(SupervisionException.class, done.get(1));
        assertEquals(ProblemKind.CONFLICT, cancel.kind());
        assertEquals(MeetingState.HELD, meetings.get(CITY, m.id()).state());
        assertEquals(2, meetings.history(CITY, m.id()).size(), "scheduled, then held; no cancellation behind it");
    }

    @Test
    void attendanceCheckedAgainstAMeetingChangedMeanwhileIsRefusedNotWrittenOverIt() throws Exception {
        meetings.join(CITY, "370500", new MembershipDraft("SJJ", TODAY.minusDays(30), List.of(ZHANG)));
        Meeting m = meetings.schedule(CITY, "370500", MeetingServiceTest.draft(LocalDateTime.of(2026, 11, 30, 14, 30),
                MeetingServiceTest.topic("通报年度监管情况")));
        List<Object> done = onTwoNodesAtOnce(node -> node.update(CITY, m.id(), MeetingServiceTest.draft(LocalDateTime.of(2026, 11, 30, 14, 0),
                MeetingServiceTest.topic("通报年度监管情况"))), node -> {
                    clock.set(Instant.parse("2026-11-30T06:30:00Z"));
                    return node.recordAttendance(CITY, m.id(), attendance());
                });
        assertEquals(LocalDateTime.of(2026, 11, 30, 14, 0), ((Meeting) done.get(0)).startsAt());
        SupervisionException attendance = assertInstanceOf(SupervisionException.class, done.get(1));
        assertEquals(ProblemKind.CONFLICT, attendance.kind());
        assertTrue(attendance.getMessage().contains("请刷新"), attendance.getMessage());
        Meeting now = meetings.get(CITY, m.id());
        assertEquals(MeetingState.SCHEDULED, now.state());
        assertEquals(LocalDateTime.of(2026, 11, 30, 14, 0), now.startsAt(), "the change stands");
    }
}
