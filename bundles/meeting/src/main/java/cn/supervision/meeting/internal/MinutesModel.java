package cn.supervision.meeting.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.meeting.AgendaItem;
import cn.supervision.api.meeting.Attendee;
import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionTask;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDepartment;

/**
 * The model of DocumentKind.MEETING_MINUTES from a meeting: {@code meetingDate}, {@code location}, {@code host},
 * {@code attendees} [name, department], {@code agenda} [title, link], {@code minutes} [text] (one per paragraph),
 * {@code decisions} [text, owner, deadline]; besides, {@code present} and {@code absent} [name] of the invited
 * departments.
 */
final class MinutesModel {
    static final String OFFICE = "机构编制部门";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private MinutesModel() {
    }

    static Map<String, Object> of(Meeting m) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("meetingTitle", m.title());
        model.put("meetingDate", DAY_TIME.format(m.startsAt()));
        model.put("location", m.location());
        model.put("host", m.host());
        List<Map<String, Object>> attendees = new ArrayList<>();
        for (Attendee a : m.attendees()) {
            attendees.add(row("name", a.name(), "department", a.departmentName() == null ? OFFICE : a.departmentName()));
        }
        model.put("attendees", attendees);
        List<Map<String, Object>> present = new ArrayList<>();
        List<Map<String, Object>> absent = new ArrayList<>();
        for (MeetingDepartment d : m.departments()) {
            (Boolean.TRUE.equals(d.present()) ? present : absent).add(row("name", d.name()));
        }
        model.put("present", present);
        model.put("absent", absent);
        List<Map<String, Object>> agenda = new ArrayList<>();
        for (AgendaItem item : m.agenda()) {
            String link = item.refId() == null ? "" : item.kind().label() + " #" + item.refId()
                    + (item.refTitle() == null || item.refTitle().equals(item.title()) ? "" : "：" + item.refTitle());
            agenda.add(row("title", item.title(), "link", link));
        }
        model.put("agenda", agenda);
        List<Map<String, Object>> minutes = new ArrayList<>();
        for (String paragraph : (m.minutes() == null ? "" : m.minutes()).split("\\R+")) {
            if (!paragraph.isBlank()) {
                minutes.add(row("text", paragraph.trim()));
            }
        }
        model.put("minutes", minutes);
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Decision d : m.decisions()) {
            Set<String> owners = new LinkedHashSet<>();
            Set<String> deadlines = new LinkedHashSet<>();
            for (DecisionTask t : d.tasks()) {
                owners.add(t.ownerName());
                deadlines.add(DAY.format(t.deadline()));
            }
            decisions.add(row("text", d.no() + ". " + d.text(), "owner", String.join("、", owners),
                    "deadline", String.join("、", deadlines)));
        }
        model.put("decisions", decisions);
        return model;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
