package cn.supervision.assessment.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.assessment.internal.MappingRules.Rules;

/**
 * The JSON columns: a mapping revision's rules and the campaign revisions an export used. Unknown properties are
 * ignored, so rows written by a later version stay readable; a row that cannot be read is a server fault.
 */
final class StoredJson {
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String writeRules(Rules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Rules readRules(String text) {
        try {
            return json.readValue(text, Rules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment mapping unreadable", e);
        }
    }

    String writeCampaigns(List<CampaignRevision> used) {
        try {
            return json.writeValueAsString(used);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<CampaignRevision> readCampaigns(String text) {
        try {
            return json.readValue(text, new TypeReference<List<CampaignRevision>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored export record unreadable", e);
        }
    }
}
