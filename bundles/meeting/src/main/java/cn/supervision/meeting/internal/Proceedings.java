package cn.supervision.meeting.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cn.supervision.api.meeting.AttendanceDraft;
import cn.supervision.api.meeting.Attendee;
import cn.supervision.api.meeting.AttendeeDraft;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDepartment;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.meeting.internal.model.MeetingEntity;

/**
 * What is recorded of a meeting once it starts: the attendance (which holds the meeting, or corrects it once held), the
 * minutes' text while it is held, and their issue, which closes it.
 */
final class Proceedings {
    private final MeetingAccess access;
    private final Rows rows;
    private final StoredJson json;
    private final StateMoves moves;
    private final MeetingClock clock;

    Proceedings(MeetingAccess access, Rows rows, StoredJson json, StateMoves moves, MeetingClock clock) {
        this.access = access;
        this.rows = rows;
        this.json = json;
        this.moves = moves;
        this.clock = clock;
    }

    Meeting recordAttendance(Caller caller, long id, AttendanceDraft attendance) {
        MeetingEntity current = rows.meeting(id);
        access.require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        StateMoves.requireState(current, "记录出席情况", MeetingState.SCHEDULED, MeetingState.HELD);
        LocalDateTime startsAt = LocalDateTime.parse(current.getStartsAt());
        if (current.getState() == MeetingState.SCHEDULED && clock.now().isBefore(startsAt)) {
            throw SupervisionException.conflict("会议定于 " + startsAt + " 召开，尚未开始，不能记录出席情况");
        }
        if (attendance == null) {
            throw SupervisionException.invalid("attendees", "缺少出席情况");
        }
        List<MeetingDepartment> invited = json.read(current.getDepartmentsJson(), StoredJson.DEPARTMENTS);
        Map<String, String> names = invited.stream().collect(Collectors.toMap(MeetingDepartment::code, MeetingDepartment::name));
        List<FieldError> errors = new ArrayList<>();
        Checks.attendance(errors, attendance, names.keySet());
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("出席情况有 " + errors.size() + " 处错误", errors);
        }
        Set<String> present = attendance.presentDepartments() == null ? Set.of()
                : attendance.presentDepartments().stream().map(String::trim).collect(Collectors.toSet());
        List<MeetingDepartment> departments = invited.stream()
                .map(d -> new MeetingDepartment(d.code(), d.name(), present.contains(d.code()))).toList();
        List<Attendee> attendees = new ArrayList<>();
        for (AttendeeDraft a : attendance.attendees()) {
            String code = Checks.blank(a.departmentCode()) ? null : a.departmentCode().trim();
            attendees.add(new Attendee(a.name().trim(), code, code == null ? null : names.get(code)));
        }
        Consumer<MeetingEntity> write = e -> {
            // checked against what was read before the meeting's lock: a change or an attendance committed since is not
            // overwritten with the departments and time this one was checked against
            if (!Objects.equals(e.getDepartmentsJson(), current.getDepartmentsJson())
                    || !Objects.equals(e.getStartsAt(), current.getStartsAt())) {
                throw SupervisionException.conflict("会议 #" + id + " 的邀请部门、时间或出席情况刚被他人修改，请刷新后重新记录出席情况");
            }
            e.setDepartmentsJson(json.write(departments));
            e.setAttendeesJson(json.write(attendees));
        };
        if (current.getState() == MeetingState.SCHEDULED) {
            return moves.move(caller, id, MeetingState.HELD, "记录出席情况", null, write);
        }
        return moves.change(caller, id, "更正出席情况", write, MeetingState.HELD);
    }

    Meeting recordMinutes(Caller caller, long id, String text) {
        MeetingEntity current = rows.meeting(id);
        access.require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        StateMoves.requireState(current, "填写会议纪要", MeetingState.HELD);
        List<FieldError> errors = new ArrayList<>();
        Checks.text(errors, "text", text, "会议纪要", Checks.MAX_MINUTES);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(errors.get(0).message(), errors);
        }
        return moves.change(caller, id, "填写会议纪要", e -> e.setMinutes(text.trim()), MeetingState.HELD);
    }

    Meeting issueMinutes(Caller caller, long id) {
        MeetingEntity current = rows.meeting(id);
        access.require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        return moves.move(caller, id, MeetingState.MINUTES_ISSUED, "印发会议纪要", null, e -> {
            if (e.getMinutes() == null) {
                throw SupervisionException.conflict("会议 #" + id + " 尚未填写会议纪要，不能印发");
            }
        });
    }
}
