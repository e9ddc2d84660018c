package cn.supervision.meeting.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.meeting.AgendaItem;
import cn.supervision.api.meeting.Attendee;
import cn.supervision.api.meeting.DecisionTask;
import cn.supervision.api.meeting.MeetingDepartment;

/**
 * The JSON columns (contacts, agenda, departments, attendees, a decision's tasks). Dates are written as text and unknown
 * properties ignored, so rows written by a later version stay readable; a row that cannot be read is a server fault.
 */
final class StoredJson {
    static final TypeReference<List<Department.Contact>> CONTACTS = new TypeReference<>() { };
    static final TypeReference<List<AgendaItem>> AGENDA = new TypeReference<>() { };
    static final TypeReference<List<MeetingDepartment>> DEPARTMENTS = new TypeReference<>() { };
    static final TypeReference<List<Attendee>> ATTENDEES = new TypeReference<>() { };
    static final TypeReference<List<DecisionTask>> TASKS = new TypeReference<>() { };

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored meeting is not readable", e);
        }
    }
}
