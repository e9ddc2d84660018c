package cn.supervision.meeting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.Membership;
import cn.supervision.meeting.internal.model.DecisionEntity;
import cn.supervision.meeting.internal.model.MeetingEntity;
import cn.supervision.meeting.internal.model.MemberEntity;

/** Turns stored rows into the API's values. */
final class Values {
    private final StoredJson json;

    Values(StoredJson json) {
        this.json = json;
    }

    Membership membership(MemberEntity e) {
        return new Membership(e.getId(), e.getJurisdictionCode(), e.getDepartmentCode(), e.getDepartmentName(),
                json.read(e.getContactsJson(), StoredJson.CONTACTS), LocalDate.parse(e.getJoinedOn()),
                e.getLeftOn() == null ? null : LocalDate.parse(e.getLeftOn()), e.getLeaveReason(), e.getCreatedBy(),
                Instant.ofEpochMilli(e.getCreatedAt()), e.getUpdatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()));
    }

    Meeting meeting(MeetingEntity e, List<Decision> decisions) {
        return new Meeting(e.getId(), e.getJurisdictionCode(), e.getTitle(), LocalDateTime.parse(e.getStartsAt()), e.getLocation(),
                e.getHost(), json.read(e.getAgendaJson(), StoredJson.AGENDA), json.read(e.getDepartmentsJson(), StoredJson.DEPARTMENTS),
                json.read(e.getAttendeesJson(), StoredJson.ATTENDEES), e.getMinutes(), decisions, e.getState(), e.getCancelReason(),
                e.getCreatedBy(), Instant.ofEpochMilli(e.getCreatedAt()), e.getUpdatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()));
    }

    Decision decision(DecisionEntity d) {
        return new Decision(d.getId(), d.getMeetingId(), d.getNo(), d.getText(), json.read(d.getTasksJson(), StoredJson.TASKS),
                d.getCreatedBy(), Instant.ofEpochMilli(d.getCreatedAt()));
    }
}
