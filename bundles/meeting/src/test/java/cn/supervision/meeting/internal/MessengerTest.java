package cn.supervision.meeting.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDepartment;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.notification.Message;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;
import cn.supervision.testing.fakes.FakeNotificationService;
import cn.supervision.testing.fakes.FakeUserDirectory;

/** The invited departments' users of the meeting's jurisdiction are told; a failure to tell them never reaches the caller. */
class MessengerTest {
    static final List<UserInfo> USERS = List.of(
            new UserInfo("city-audit", Set.of(Role.DEPARTMENT), "370500", null, null, null, "SJJ"),
            new UserInfo("lijin-audit", Set.of(Role.DEPARTMENT), "370522", null, null, null, "SJJ"),
            new UserInfo("city-discipline", Set.of(Role.DEPARTMENT), "370500", null, null, null, "JW"),
            new UserInfo("city-admin", Set.of(Role.CITY_ADMIN), "370500", null, null, null, null));

    static Meeting meeting(String... invited) {
        return new Meeting(7, "370500", "第一次联席会议", LocalDateTime.parse("2026-12-01T09:30"), "第一会议室", "张三", List.of(),
                Arrays.stream(invited).map(c -> new MeetingDepartment(c, c, null)).toList(), List.of(), null, List.of(),
                MeetingState.SCHEDULED, null, "city-admin", Instant.EPOCH, "city-admin", Instant.EPOCH);
    }

    record Sent(List<String> usernames, Message message) { }

    static final class Inbox extends FakeNotificationService {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public int toUsers(Collection<String> usernames, Message message) {
            sent.add(new Sent(List.copyOf(usernames), message));
            return usernames.size();
        }
    }

    @Test
    void onlyUsersOfTheInvitedDepartmentsInTheMeetingsJurisdictionAreTold() {
        Inbox inbox = new Inbox();
        new Messenger(new Fakes.Users(USERS), inbox).tell(meeting("SJJ"), "MEETING_SCHEDULED", "联席会议通知", "正文");
        assertEquals(List.of(new Sent(List.of("city-audit"),
                new Message("MEETING_SCHEDULED", "联席会议通知", "正文", "/v1/meetings/7"))), inbox.sent);
    }

    @Test
    void nobodyToTellSendsNothing() {
        Inbox inbox = new Inbox();
        new Messenger(new Fakes.Users(USERS), inbox).tell(meeting("RSJ"), "MEETING_CHANGED", "联席会议变更", "正文");
        assertEquals(List.of(), inbox.sent);
    }

    @Test
    void aFailingNotifierOrUserDirectoryIsSwallowed() {
        FakeNotificationService down = new FakeNotificationService() {
            @Override
            public int toUsers(Collection<String> usernames, Message message) {
                throw new IllegalStateException("mail server down");
            }
        };
        assertDoesNotThrow(() -> new Messenger(new Fakes.Users(USERS), down).tell(meeting("SJJ", "JW"), "MEETING_CANCELLED", "取消", "正文"));
        Inbox inbox = new Inbox();
        assertDoesNotThrow(() -> new Messenger(new FakeUserDirectory(), inbox).tell(meeting("SJJ"), "MEETING_CANCELLED", "取消", "正文"));
        assertEquals(List.of(), inbox.sent);
    }
}
