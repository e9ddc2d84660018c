package cn.supervision.indicator.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.api.indicator.DefinitionLimits;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.indicator.Rounding;

/**
 * The checked-in JSON Schema against the shape generated from the API records it describes: every record component is
 * a property of the matching schema object and nothing else is, objects refuse unknown properties, types agree, enum
 * values are the Java constants, and its bounds (lengths, list sizes, codes, years) are the platform's
 * {@link DefinitionLimits}, which the validator enforces. A component added to, removed from or retyped in the API, or
 * a bound changed on one side, fails here until the schema says the same.
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

    /**
     * Every bound the schema states, where it states it, and the platform's value for it. The two the schema cannot
     * state (depth, nodes in the tree) are named in its description.
     */
    static final Map<String, Object> BOUNDS = Map.ofEntries(
            Map.entry("/properties/jurisdictionCode/pattern", "^[0-9A-Za-z]{6,12}$"), // a GB/T 2260 code or a test's, the registry decides
            Map.entry("/properties/definition/properties/name/maxLength", DefinitionLimits.MAX_NAME),
            Map.entry("/properties/definition/properties/year/minimum", DefinitionLimits.MIN_YEAR),
            Map.entry("/properties/definition/properties/year/maximum", DefinitionLimits.MAX_YEAR),
            Map.entry("/properties/definition/properties/adjustments/maxItems", DefinitionLimits.MAX_ADJUSTMENTS),
            Map.entry("/properties/definition/properties/rounding/properties/scale/maximum", Rounding.MAX_SCALE),
            Map.entry("/$defs/rule/properties/description/maxLength", DefinitionLimits.MAX_TEXT),
            Map.entry("/$defs/rule/properties/tiers/maxItems", DefinitionLimits.MAX_RULE_ITEMS),
            Map.entry("/$defs/rule/properties/bands/maxItems", DefinitionLimits.MAX_RULE_ITEMS),
            Map.entry("/$defs/rule/properties/levels/maxItems", DefinitionLimits.MAX_RULE_ITEMS),
            Map.entry("/$defs/rule/properties/levels/items/properties/label/maxLength", DefinitionLimits.MAX_NAME),
            Map.entry("/$defs/rule/properties/ruleId/maxLength", DefinitionLimits.MAX_NAME),
            Map.entry("/$defs/rule/properties/params/maxProperties", DefinitionLimits.MAX_RULE_ITEMS),
            Map.entry("/$defs/rule/properties/params/propertyNames/maxLength", DefinitionLimits.MAX_NAME),
            Map.entry("/$defs/rule/properties/params/additionalProperties/maxLength", DefinitionLimits.MAX_TEXT),
            Map.entry("/$defs/indicator/properties/code/pattern", "^" + DefinitionLimits.CODE_PATTERN + "$"),
            Map.entry("/$defs/indicator/properties/name/maxLength", DefinitionLimits.MAX_NAME),
            Map.entry("/$defs/indicator/properties/assessmentPoints/maxLength", DefinitionLimits.MAX_TEXT),
            Map.entry("/$defs/indicator/properties/evidence/maxLength", DefinitionLimits.MAX_TEXT),
            Map.entry("/$defs/adjustment/properties/code/pattern", "^" + DefinitionLimits.CODE_PATTERN + "$"),
            Map.entry("/$defs/adjustment/properties/name/maxLength", DefinitionLimits.MAX_NAME),
            Map.entry("/$defs/adjustment/properties/description/maxLength", DefinitionLimits.MAX_TEXT));

    /** Upper bounds and code formats: the lower ones (0, 1) are the rules' own sense, not the platform's limits. */
    private static final Set<String> BOUND_KEYWORDS = Set.of("maxLength", "maxItems", "maxProperties", "maximum", "pattern");

    @Test
    void theSchemasBoundsAreThePlatformsAndItStatesNoOthers() throws Exception {
        assertEquals(List.of(), boundDrift(schema()));
    }

    @Test
    void aBoundChangedOnOneSideOnlyOrAddedWithoutTheValidatorIsDrift() throws Exception {
        JsonNode changed = schema();
        ((ObjectNode) changed.at("/$defs/indicator/properties/name")).put("maxLength", 100);
        ((ObjectNode) changed.at("/$defs/adjustment/properties/cap")).put("maximum", 50);
        ((ObjectNode) changed.at("/$defs/rule/properties/params")).remove("maxProperties");
        List<String> drift = boundDrift(changed);
        assertEquals(3, drift.size(), drift.toString());
        assertTrue(drift.get(0).startsWith("/$defs/indicator/properties/name/maxLength: the platform's 200, the schema's 100"), drift.get(0));
        assertTrue(drift.get(1).startsWith("/$defs/rule/properties/params/maxProperties: the platform's 100, the schema's none"),
                drift.get(1));
        assertTrue(drift.get(2).startsWith("/$defs/adjustment/properties/cap/maximum: 50 in the schema"), drift.get(2));
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = SchemaDriftTest.class.getResourceAsStream("/schema/indicator-system.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Bounds the platform has and the schema states otherwise or not at all, then upper bounds the schema states alone. */
    private static List<String> boundDrift(JsonNode schema) {
        List<String> drift = new ArrayList<>();
        new TreeMap<>(BOUNDS).forEach((pointer, expected) -> {
            JsonNode found = schema.at(pointer);
            if (!found.isValueNode() || !String.valueOf(expected).equals(found.asText())) {
                drift.add(pointer + ": the platform's " + expected + ", the schema's " + (found.isMissingNode() ? "none" : found));
            }
        });
        Map<String, String> stated = new TreeMap<>();
        bounds(schema, "", stated);
        stated.forEach((pointer, value) -> {
            if (!BOUNDS.containsKey(pointer)) {
                drift.add(pointer + ": " + value + " in the schema, no such bound in the platform");
            }
        });
        return drift;
    }

    /** Descends into every object of the schema (properties named like keywords are keys of a "properties" object). */
    private static void bounds(JsonNode node, String pointer, Map<String, String> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                bounds(node.get(i), pointer + "/" + i, out);
            }
        } else if (node.isObject()) {
            boolean propertyMap = pointer.endsWith("/properties") || pointer.endsWith("/$defs");
            node.fields().forEachRemaining(f -> {
                String at = pointer + "/" + f.getKey();
                if (!propertyMap && BOUND_KEYWORDS.contains(f.getKey()) && f.getValue().isValueNode()) {
                    out.put(at, f.getValue().asText());
                } else {
                    bounds(f.getValue(), at, out);
                }
            });
        }
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
