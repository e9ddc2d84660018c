package cn.supervision.report.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.report.ReportSection;
import cn.supervision.report.internal.model.SpecialReportEntity;

/** The report's JSON columns: its sections and its {@link Links}, written when drafted and read back whole. */
final class StoredJson {
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    List<ReportSection> sections(SpecialReportEntity e) {
        return fromJson(e.getSectionsJson(), new TypeReference<List<ReportSection>>() { });
    }

    Links links(SpecialReportEntity e) {
        return fromJson(e.getLinksJson(), new TypeReference<Links>() { });
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), ex);
        }
    }

    <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored special report is not readable", ex);
        }
    }
}
