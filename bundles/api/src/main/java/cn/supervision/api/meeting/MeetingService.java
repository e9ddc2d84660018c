package cn.supervision.api.meeting;

import org.osgi.annotation.versioning.ProviderType;

import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.security.Caller;

/**
 * The joint meeting (联席会议, art. 25 of the measures) the staffing office convenes with the cooperating departments:
 * its member departments over time, its meetings with agenda, attendance, minutes and decisions, the minutes as an
 * official document, and the decisions' tracked tasks.
 *
 * <p>Authority (one policy, {@code Access}): {@code READ_MEETINGS} to read (offices and leaders in scope; DEPARTMENT
 * users of the jurisdiction, and of meetings only those their department was invited to or attended),
 * {@code MANAGE_MEETINGS} (the jurisdiction's own office) for everything else. Nothing is deleted: members leave with
 * a date, meetings are cancelled with a reason.
 */
@ProviderType
public interface MeetingService {

    /**
     * The jurisdiction's members, current ones only unless {@code includeFormer}, by department code then join date.
     */
    List<Membership> members(Caller caller, String jurisdictionCode, boolean includeFormer);

    /**
     * Invalid for a department that is not an active cooperating department of the jurisdiction; conflict if already a
     * member.
     */
    Membership join(Caller caller, String jurisdictionCode, MembershipDraft draft);

    /** New contact persons of a current membership. */
    Membership updateContacts(Caller caller, long membershipId, List<Department.Contact> contacts);

    /** Ends a current membership on {@code leftOn} (not before it joined, not in the future; today when null). */
    Membership leave(Caller caller, long membershipId, LocalDate leftOn, String reason);

    /** Meetings the caller may read, of one jurisdiction (every one in scope when null), newest date first. */
    List<Meeting> list(Caller caller, String jurisdictionCode, MeetingState state);

    Meeting get(Caller caller, long id);

    /** Schedules a meeting and notifies the invited departments' users. */
    Meeting schedule(Caller caller, String jurisdictionCode, MeetingDraft draft);

    /** Changes a scheduled meeting (conflict otherwise); the invited departments are the current members again. */
    Meeting update(Caller caller, long id, MeetingDraft draft);

    /** Records (or, while held, corrects) attendance; a scheduled meeting whose time has come becomes HELD. */
    Meeting recordAttendance(Caller caller, long id, AttendanceDraft attendance);

    /** Writes the minutes text of a held meeting. */
    Meeting recordMinutes(Caller caller, long id, String text);

    /** HELD to MINUTES_ISSUED (the minutes must be written); minutes and decisions are fixed from then on. */
    Meeting issueMinutes(Caller caller, long id);

    /** Records a decision of a held meeting and creates its tasks (TaskOrigin.MEETING_DECISION), all or nothing. */
    Decision decide(Caller caller, long id, DecisionDraft draft);

    /**
     * Generates the minutes document (DocumentKind.MEETING_MINUTES, subject {@code meeting:<id>}) of a held meeting (or
     * one whose minutes are issued); it needs the minutes text and at least one decision (conflict otherwise).
     */
    StoredDocument generateMinutes(Caller caller, long id, DocumentFormat format);

    /** SCHEDULED to CANCELLED with a reason; the invited departments' users are told. */
    Meeting cancel(Caller caller, long id, String reason);

    List<MeetingTransition> history(Caller caller, long id);
}
