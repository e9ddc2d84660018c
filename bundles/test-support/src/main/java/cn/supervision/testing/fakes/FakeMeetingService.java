package cn.supervision.testing.fakes;

import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.meeting.AttendanceDraft;
import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionDraft;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDraft;
import cn.supervision.api.meeting.MeetingService;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.meeting.MeetingTransition;
import cn.supervision.api.meeting.Membership;
import cn.supervision.api.meeting.MembershipDraft;
import cn.supervision.api.security.Caller;

/**
 * A {@link MeetingService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeMeetingService implements MeetingService {
    @Override
    public List<Membership> members(Caller caller, String jurisdictionCode, boolean includeFormer) {
        throw unused("members");
    }

    @Override
    public Membership join(Caller caller, String jurisdictionCode, MembershipDraft draft) {
        throw unused("join");
    }

    @Override
    public Membership updateContacts(Caller caller, long membershipId, List<Department.Contact> contacts) {
        throw unused("updateContacts");
    }

    @Override
    public Membership leave(Caller caller, long membershipId, LocalDate leftOn, String reason) {
        throw unused("leave");
    }

    @Override
    public List<Meeting> list(Caller caller, String jurisdictionCode, MeetingState state) {
        throw unused("list");
    }

    @Override
    public Meeting get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public Meeting schedule(Caller caller, String jurisdictionCode, MeetingDraft draft) {
        throw unused("schedule");
    }

    @Override
    public Meeting update(Caller caller, long id, MeetingDraft draft) {
        throw unused("update");
    }

    @Override
    public Meeting recordAttendance(Caller caller, long id, AttendanceDraft attendance) {
        throw unused("recordAttendance");
    }

    @Override
    public Meeting recordMinutes(Caller caller, long id, String text) {
        throw unused("recordMinutes");
    }

    @Override
    public Meeting issueMinutes(Caller caller, long id) {
        throw unused("issueMinutes");
    }

    @Override
    public Decision decide(Caller caller, long id, DecisionDraft draft) {
        throw unused("decide");
    }

    @Override
    public StoredDocument generateMinutes(Caller caller, long id, DocumentFormat format) {
        throw unused("generateMinutes");
    }

    @Override
    public Meeting cancel(Caller caller, long id, String reason) {
        throw unused("cancel");
    }

    @Override
    public List<MeetingTransition> history(Caller caller, long id) {
        throw unused("history");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("MeetingService." + method + " is not used by this test");
    }
}
