package cn.supervision.meeting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;

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
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;

/**
 * Joint meetings on OpenJPA. Authority is the registry's {@link cn.supervision.api.security.Access} (READ_MEETINGS,
 * MANAGE_MEETINGS); a DEPARTMENT reader sees only the meetings its department was invited to or attended
 * ({@link MeetingAccess}). Every input is checked (shape, then the linked records, owners and departments through their
 * services) before anything is written; the state machine is {@link StateMoves#MOVES}, every move kept as a transition
 * row. Each call is handed to the collaborator whose job it is: {@link Members}, {@link MeetingReader},
 * {@link Scheduling}, {@link Proceedings} (attendance and minutes), {@link Decisions} (with their tasks' live
 * {@link TaskStates}) and {@link MinutesDocument}; all of them read time from the one {@link MeetingClock}.
 */
public class JpaMeetingService implements MeetingService {
    /** The office's zone: its days and times, whatever the server's. */
    static final ZoneId ZONE = MeetingClock.ZONE;

    private final Members members;
    private final MeetingReader reader;
    private final Scheduling scheduling;
    private final Proceedings proceedings;
    private final Decisions decisions;
    private final MinutesDocument minutes;

    public JpaMeetingService(JpaTemplate jpa, RegistryService registry, Collaborators services, Clock clock) {
        MeetingClock time = new MeetingClock(clock);
        StoredJson json = new StoredJson();
        Values values = new Values(json);
        Rows rows = new Rows(jpa, values);
        MeetingAccess access = new MeetingAccess(registry, json);
        StateMoves moves = new StateMoves(jpa, rows, values, time);
        TaskStates taskStates = new TaskStates(services);
        Messenger messenger = new Messenger(services.users, services.notifications);
        this.members = new Members(jpa, access, services, rows, values, json, time);
        this.reader = new MeetingReader(jpa, access, rows, values, taskStates);
        this.scheduling = new Scheduling(jpa, access, new AgendaLinks(services), rows, values, json, moves, messenger, time);
        this.proceedings = new Proceedings(access, rows, json, moves, time);
        this.decisions = new Decisions(jpa, registry, access, services, rows, values, json, taskStates, time);
        this.minutes = new MinutesDocument(reader, access, services);
    }

    // ------------------------------------------------------------------ members

    @Override
    public List<Membership> members(Caller caller, String jurisdictionCode, boolean includeFormer) {
        return members.list(caller, jurisdictionCode, includeFormer);
    }

    @Override
    public Membership join(Caller caller, String jurisdictionCode, MembershipDraft draft) {
        return members.join(caller, jurisdictionCode, draft);
    }

    @Override
    public Membership updateContacts(Caller caller, long membershipId, List<Department.Contact> contacts) {
        return members.updateContacts(caller, membershipId, contacts);
    }

    @Override
    public Membership leave(Caller caller, long membershipId, LocalDate leftOn, String reason) {
        return members.leave(caller, membershipId, leftOn, reason);
    }

    // ------------------------------------------------------------------ meetings: reading

    @Override
    public List<Meeting> list(Caller caller, String jurisdictionCode, MeetingState state) {
        return reader.list(caller, jurisdictionCode, state);
    }

    @Override
    public Meeting get(Caller caller, long id) {
        return reader.get(caller, id);
    }

    @Override
    public List<MeetingTransition> history(Caller caller, long id) {
        return reader.history(caller, id);
    }

    // ------------------------------------------------------------------ meetings: scheduling

    @Override
    public Meeting schedule(Caller caller, String jurisdictionCode, MeetingDraft draft) {
        return scheduling.schedule(caller, jurisdictionCode, draft);
    }

    @Override
    public Meeting update(Caller caller, long id, MeetingDraft draft) {
        return scheduling.update(caller, id, draft);
    }

    @Override
    public Meeting cancel(Caller caller, long id, String reason) {
        return scheduling.cancel(caller, id, reason);
    }

    // ------------------------------------------------------------------ meetings: held

    @Override
    public Meeting recordAttendance(Caller caller, long id, AttendanceDraft attendance) {
        return proceedings.recordAttendance(caller, id, attendance);
    }

    @Override
    public Meeting recordMinutes(Caller caller, long id, String text) {
        return proceedings.recordMinutes(caller, id, text);
    }

    @Override
    public Meeting issueMinutes(Caller caller, long id) {
        return proceedings.issueMinutes(caller, id);
    }

    @Override
    public Decision decide(Caller caller, long id, DecisionDraft draft) {
        return decisions.decide(caller, id, draft);
    }

    @Override
    public StoredDocument generateMinutes(Caller caller, long id, DocumentFormat format) {
        return minutes.generate(caller, id, format);
    }
}
