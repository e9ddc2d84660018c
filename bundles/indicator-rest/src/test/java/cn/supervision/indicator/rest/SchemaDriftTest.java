package cn.supervision.indicator.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.indicator.Rounding;

/**
 * The checked-in JSON Schema against the shape generated from the API records it describes: every record component is
 * a property of the matching schema object and nothing else is, objects refuse unknown properties, types agree, enum
 * values are the Java constants. Descriptions and limits (lengths, minima, patterns) are the schema's own: the
 * platform's validator enforces them, its tests cover them. A component added to, removed from or retyped in the API
 * fails here until the schema says the same.
 */
class SchemaDriftTest {
    /** Components the platform sets and a system may not carry (the validator refuses them). */
    private static final Set<String> PLATFORM_ONLY = Set.of(Indicator.class.getSimpleName() + ".dutyId");

    private JsonNode root;
    private final List<String> drift = new ArrayList<>();

    @Test
    void theSchemaDescribesExactlyTheApiRecords() throws Exception {
        try (InputStream in = SchemaDriftTest.class.getResourceAsStream("/schema/indicator-system.schema.json")) {
            root = new ObjectMapper().readTree(in);
        }
        record(IndicatorSystemDocument.class, root, "$", new HashSet<>());
        assertEquals(List.of(), drift, "schema and API records differ");
    }

    private void record(Class<?> type, JsonNode schema, String path, Set<Class<?>> checked) {
        schema = resolve(schema);
        if (!checked.add(type)) {
            return;
        }
        if (!"object".equals(schema.path("type").asText()) || !schema.path("additionalProperties").isBoolean()
                || schema.path("additionalProperties").asBoolean()) {
            drift.add(path + ": " + type.getSimpleName() + " must be an object refusing unknown properties");
        }
        Set<String> components = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (!PLATFORM_ONLY.contains(type.getSimpleName() + "." + c.getName())) {
                components.add(c.getName());
            }
        }
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (!components.equals(properties)) {
            drift.add(path + ": " + type.getSimpleName() + " has " + components + ", the schema " + properties);
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode p = schema.path("properties").path(c.getName());
            if (!p.isMissingNode()) {
                value(c.getGenericType(), p, path + "." + c.getName(), checked);
            }
        }
    }

    private void value(Type type, JsonNode schema, String path, Set<Class<?>> checked) {
        schema = resolve(schema);
        Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            expect(path, schema, schema.has("const") ? null : "string");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expect(path, schema, "integer");
        } else if (raw == BigDecimal.class) {
            expect(path, schema, "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(path, schema, "boolean");
        } else if (raw.isEnum()) {
            enumeration(path, schema.path("enum"), raw == RoundingMode.class ? Rounding.MODES : Set.of(raw.getEnumConstants()));
        } else if (raw.isRecord()) {
            record(raw, schema, path, checked);
        } else if (Collection.class.isAssignableFrom(raw)) {
            expect(path, schema, "array");
            if (Set.class.isAssignableFrom(raw) && !schema.path("uniqueItems").asBoolean()) {
                drift.add(path + ": a set must have uniqueItems");
            }
            value(argument(type, 0), schema.path("items"), path + "[]", checked);
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(path, schema, "object");
            Type key = argument(type, 0);
            if (key instanceof Class<?> k && k.isEnum()) {
                enumeration(path + " keys", schema.path("propertyNames").path("enum"), Set.of(k.getEnumConstants()));
            }
            value(argument(type, 1), schema.path("additionalProperties"), path + "{}", checked);
        } else {
            drift.add(path + ": no schema mapping for " + type.getTypeName());
        }
    }

    /** A type array may add "null": an open bound (a band's lower/upper) is a null the API reads as unbounded. */
    private void expect(String path, JsonNode schema, String type) {
        JsonNode t = schema.path("type");
        boolean matches = t.isArray() ? t.size() <= 2 && java.util.stream.StreamSupport.stream(t.spliterator(), false)
                .allMatch(x -> x.asText().equals(type) || x.asText().equals("null")) && t.toString().contains('"' + type + '"')
                : t.asText().equals(type);
        if (type != null && !matches) {
            drift.add(path + ": expected type " + type + ", the schema says " + schema.path("type"));
        }
    }

    private void enumeration(String path, JsonNode values, Set<?> constants) {
        Set<String> expected = new TreeSet<>();
        constants.forEach(c -> expected.add(((Enum<?>) c).name()));
        Set<String> found = new TreeSet<>();
        values.forEach(v -> found.add(v.asText()));
        if (!expected.equals(found)) {
            drift.add(path + ": the API allows " + expected + ", the schema " + found);
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : root.at(ref.substring(1));
    }

    private static Type argument(Type type, int i) {
        return ((ParameterizedType) type).getActualTypeArguments()[i];
    }

    @Test
    void aComponentTheSchemaLacksIsDrift() throws Exception {
        try (InputStream in = SchemaDriftTest.class.getResourceAsStream("/schema/indicator-system.schema.json")) {
            root = new ObjectMapper().readTree(in);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/properties/definition/properties")).remove("rounding");
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/$defs/rule/properties/mode/enum")).remove(0);
        record(IndicatorSystemDocument.class, root, "$", new HashSet<>());
        assertEquals(2, drift.size(), drift.toString());
        assertEquals(Arrays.asList(true, true), List.of(drift.get(0).contains("rounding"), drift.get(1).contains("SCORE")));
    }
}
