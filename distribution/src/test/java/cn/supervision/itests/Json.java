package cn.supervision.itests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads reply bodies as JSON, so the tests compare fields and values instead of matching text: a number is a number
 * (12.00 keeps its scale, because the API promises two decimals), an absent field is absent wherever the text happens to
 * be, and field order or spacing cannot make a check pass or fail. Runs inside the Pax Exam probe, which imports Jackson
 * from the container (cxf-jackson).
 */
final class Json {
    /** Decimals stay BigDecimal with the scale the server wrote (Jackson would otherwise strip "12.00" to 12). */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {
    }

    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + abbreviate(body), e);
        }
    }

    static JsonNode of(Http.Reply reply) {
        return parse(reply.body());
    }

    /** The node at a JSON Pointer ("/items/0/total"); a MissingNode when absent. */
    static JsonNode at(Http.Reply reply, String pointer) {
        return of(reply).at(pointer);
    }

    static JsonNode at(String body, String pointer) {
        return parse(body).at(pointer);
    }

    /**
     * The "id" of the object the body is (a resource as created, read or changed), never one of the objects inside it;
     * fails showing the body when it has none.
     */
    static long id(String body) {
        return id(parse(body));
    }

    static long id(Http.Reply reply) {
        return id(reply.body());
    }

    /** The "id" of this object itself (a whole number); fails showing the object when it has none. */
    static long id(JsonNode object) {
        return wholeNumber(object, "id");
    }

    /**
     * The "id" of the first element of a listing (an array body): the one unit a unit user sees, the first of a
     * jurisdiction's published systems. Fails when the body is no array or an empty one.
     */
    static long firstId(String body) {
        JsonNode root = parse(body);
        if (!root.isArray() || root.isEmpty()) {
            throw new AssertionError("no first element in " + abbreviate(body));
        }
        return id(root.get(0));
    }

    /** The "id" of every element of a listing (an array body), in order. */
    static List<Long> ids(String body) {
        JsonNode root = parse(body);
        if (!root.isArray()) {
            throw new AssertionError("not an array: " + abbreviate(body));
        }
        return elements(root).map(Json::id).toList();
    }

    /** The "id" of the first element of a listing (an array body) that has all these fields with these values. */
    static long idWhere(String body, String field, Object value, Object... more) {
        return id(element(parse(body), field, value, more));
    }

    /** The first element of an array that itself has all these fields with these values; fails when there is none. */
    static JsonNode element(JsonNode array, String field, Object value, Object... more) {
        if (!array.isArray()) {
            throw new AssertionError("not an array: " + abbreviate(array.toString()));
        }
        return elements(array).filter(e -> is(e, field, value, more)).findFirst()
                .orElseThrow(() -> new AssertionError("no element with " + pairs(field, value, more) + " in "
                        + abbreviate(array.toString())));
    }

    /** A whole number field of this object itself; fails showing the object when it is absent or no whole number. */
    static long wholeNumber(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new AssertionError("no whole number \"" + field + "\" in " + abbreviate(String.valueOf(object)));
        }
        return value.longValue();
    }

    /** A string field of this object itself; fails showing the object when it is absent or no string. */
    static String string(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        if (value == null || !value.isTextual()) {
            throw new AssertionError("no string \"" + field + "\" in " + abbreviate(String.valueOf(object)));
        }
        return value.textValue();
    }

    /** A decimal as the API writes it: {@code num("12.00")} equals 12.00 only, not 12 or 12.0. */
    static BigDecimal num(String decimal) {
        return new BigDecimal(decimal);
    }

    /** A JSON literal for array or object values compared whole, e.g. {@code value("[\"CORE\",\"AUXILIARY\"]")}. */
    static JsonNode value(String json) {
        return parse(json);
    }

    /** True when some object anywhere in the body has all these fields with these values (field, value, field, value …). */
    static boolean has(String body, String field, Object value, Object... more) {
        return has(parse(body), field, value, more);
    }

    static boolean has(Http.Reply reply, String field, Object value, Object... more) {
        return has(of(reply), field, value, more);
    }

    static boolean has(JsonNode root, String field, Object value, Object... more) {
        Map<String, Object> wanted = pairs(field, value, more);
        return objects(root).anyMatch(o -> wanted.entrySet().stream()
                .allMatch(w -> o.has(w.getKey()) && equal(o.get(w.getKey()), w.getValue())));
    }

    /** True when this object itself (not one inside it) has all these fields with these values. */
    static boolean is(JsonNode object, String field, Object value, Object... more) {
        return object != null && object.isObject() && pairs(field, value, more).entrySet().stream()
                .allMatch(w -> object.has(w.getKey()) && equal(object.get(w.getKey()), w.getValue()));
    }

    /** True when the OpenAPI description documents this path. */
    static boolean documents(String openApi, String path) {
        return parse(openApi).path("paths").has(path);
    }

    /** The first object anywhere in the body with all these fields and values; fails when there is none. */
    static JsonNode find(JsonNode root, String field, Object value, Object... more) {
        Map<String, Object> wanted = pairs(field, value, more);
        return objects(root).filter(o -> wanted.entrySet().stream()
                .allMatch(w -> o.has(w.getKey()) && equal(o.get(w.getKey()), w.getValue())))
                .findFirst().orElseThrow(() -> new AssertionError("no object with " + wanted + " in " + abbreviate(root.toString())));
    }

    static JsonNode find(String body, String field, Object value, Object... more) {
        return find(parse(body), field, value, more);
    }

    /** True when some object anywhere in the body has this field, whatever its value. */
    static boolean hasField(String body, String field) {
        return hasField(parse(body), field);
    }

    static boolean hasField(JsonNode root, String field) {
        return objects(root).anyMatch(o -> o.has(field));
    }

    /** True when the string is a field name or a whole string value somewhere in the body. */
    static boolean mentions(String body, String text) {
        return mentions(parse(body), text);
    }

    static boolean mentions(JsonNode root, String text) {
        return nodes(root).anyMatch(n -> n.isTextual() && n.textValue().equals(text))
                || objects(root).anyMatch(o -> o.has(text));
    }

    /** True when some string value or field name in the body contains the text (free text inside a JSON answer). */
    static boolean anyText(String body, String text) {
        return anyText(parse(body), text);
    }

    static boolean anyText(JsonNode root, String text) {
        return nodes(root).anyMatch(n -> n.isTextual() && n.textValue().contains(text))
                || objects(root).anyMatch(o -> {
                    for (Iterator<String> names = o.fieldNames(); names.hasNext();) {
                        if (names.next().contains(text)) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    /** How many objects anywhere in the body have all these fields with these values. */
    static int countWhere(String body, String field, Object value, Object... more) {
        Map<String, Object> wanted = pairs(field, value, more);
        return (int) objects(parse(body)).filter(o -> wanted.entrySet().stream()
                .allMatch(w -> o.has(w.getKey()) && equal(o.get(w.getKey()), w.getValue()))).count();
    }

    /** How many string values in the body contain the text. */
    static int countText(String body, String text) {
        return (int) nodes(parse(body)).filter(n -> n.isTextual() && n.textValue().contains(text)).count();
    }

    /** How many objects anywhere in the body carry the field. */
    static int count(String body, String field) {
        return (int) objects(parse(body)).filter(o -> o.has(field)).count();
    }

    /** The values of a field over the elements of an array (or over all objects of the body when the root is no array). */
    static List<JsonNode> values(JsonNode root, String field) {
        return root.findValues(field);
    }

    /** The texts of a field wherever it occurs, in document order. */
    static List<String> texts(JsonNode root, String field) {
        List<String> texts = new ArrayList<>();
        root.findValues(field).forEach(v -> texts.add(v.asText()));
        return texts;
    }

    static List<String> texts(String body, String field) {
        return texts(parse(body), field);
    }

    /** The elements of an array node. */
    static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** True when some element of the array satisfies the condition. */
    static boolean any(JsonNode array, Predicate<JsonNode> condition) {
        return elements(array).anyMatch(condition);
    }

    /** A value condition for {@link #has}: any string. */
    static Predicate<JsonNode> text() {
        return JsonNode::isTextual;
    }

    /** A value condition for {@link #has}: a string with this beginning. */
    static Predicate<JsonNode> startingWith(String prefix) {
        return n -> n.isTextual() && n.textValue().startsWith(prefix);
    }

    /** True when some value anywhere in the body meets the condition. */
    static boolean anyValue(String body, Predicate<JsonNode> condition) {
        return nodes(parse(body)).anyMatch(condition);
    }

    /** The strings of an array node, in order. */
    static List<String> strings(JsonNode array) {
        return elements(array).map(JsonNode::asText).toList();
    }

    /** Compares a JSON value with a Java one by type: text with text, whole numbers by value, decimals with their scale. */
    static boolean equal(JsonNode node, Object expected) {
        if (expected == null) {
            return node.isNull();
        }
        if (expected instanceof Predicate<?> condition) {
            @SuppressWarnings("unchecked")
            Predicate<JsonNode> test = (Predicate<JsonNode>) condition;
            return test.test(node);
        }
        if (expected instanceof JsonNode json) {
            return node.equals(json);
        }
        if (expected instanceof CharSequence text) {
            return node.isTextual() && node.textValue().equals(text.toString());
        }
        if (expected instanceof Boolean flag) {
            return node.isBoolean() && node.booleanValue() == flag;
        }
        if (expected instanceof Integer || expected instanceof Long || expected instanceof Short) {
            // a whole number is the number whatever its scale (a score of 12 may be written 12.00); a decimal
            // expectation (num("12.00")) is where the scale is part of the promise
            return node.isNumber() && node.decimalValue().compareTo(BigDecimal.valueOf(((Number) expected).longValue())) == 0;
        }
        if (expected instanceof BigDecimal decimal) {
            return node.isNumber() && node.decimalValue().equals(decimal);
        }
        if (expected instanceof Enum<?> constant) {
            return node.isTextual() && node.textValue().equals(constant.name());
        }
        // dates and other values the API writes as their ISO text
        return node.isTextual() && node.textValue().equals(expected.toString());
    }

    private static Map<String, Object> pairs(String field, Object value, Object... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values come in pairs");
        }
        Map<String, Object> wanted = new java.util.LinkedHashMap<>();
        wanted.put(field, value);
        for (int i = 0; i < more.length; i += 2) {
            wanted.put((String) more[i], more[i + 1]);
        }
        return wanted;
    }

    /** Every node of the tree, depth first, the root included. */
    static Stream<JsonNode> nodes(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        collect(root, all);
        return all.stream();
    }

    private static Stream<JsonNode> objects(JsonNode root) {
        return nodes(root).filter(JsonNode::isObject);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            collect(it.next(), into);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
