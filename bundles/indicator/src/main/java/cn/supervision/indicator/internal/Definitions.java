package cn.supervision.indicator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.supervision.api.indicator.SystemDefinition;

/** Canonical JSON of definitions (sorted keys, no nulls) and its SHA-256: same content, same bytes, same hash. */
final class Definitions {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private Definitions() {
    }

    static String toJson(SystemDefinition d) {
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a definition", e);
        }
    }

    static SystemDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, SystemDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored definition is not readable", e);
        }
    }

    /** Canonical JSON of any part of a definition, for comparisons. */
    static String toJsonValue(Object part) {
        try {
            return JSON.writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + part.getClass().getSimpleName(), e);
        }
    }

    static String hash(String canonicalJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
