package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.problem.FieldError;

@SuppressWarnings("unchecked")
class RestAdaptersTest {
    record Staffing(int administrativeSlots) { }
    record Draft(String name, Staffing staffing, List<Kind> kinds) { }
    enum Kind { A, B }

    private final ObjectMapper mapper = JsonMapping.mapper();

    @SuppressWarnings("unchecked")
    private Map<String, Object> problemOf(String json) {
        JsonProcessingException e = null;
        try {
            mapper.readValue(json, Draft.class);
        } catch (JsonProcessingException x) {
            e = x;
        }
        Response r = new JsonExceptionMapper().toResponse(e);
        assertEquals(400, r.getStatus());
        assertEquals("application/problem+json;charset=UTF-8", r.getMediaType().toString());
        return (Map<String, Object>) r.getEntity();
    }

    @Test
    void unknownFieldsAreNamed() {
        Map<String, Object> p = problemOf("{\"name\":\"x\",\"staffing\":{\"administrativeSlots\":1,\"extra\":2}}");
        List<FieldError> errors = (List<FieldError>) p.get("errors");
        assertEquals("staffing.extra", errors.get(0).field());
        assertEquals("未知字段“extra”", errors.get(0).message());
    }

    @Test
    void wrongTypesAndEnumValuesAreNamed() {
        List<FieldError> errors = (List<FieldError>) problemOf("{\"staffing\":{\"administrativeSlots\":\"many\"}}").get("errors");
        assertEquals("staffing.administrativeSlots", errors.get(0).field());
        errors = (List<FieldError>) problemOf("{\"kinds\":[\"A\",\"C\"]}").get("errors");
        assertEquals("kinds[1]", errors.get(0).field());
        assertEquals(true, errors.get(0).message().contains("A、B"), errors.get(0).message());
    }

    @Test
    void aLostDatabaseLockIsBusyAndAnythingElseAnIncident() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        for (String state : new String[] {"40XL1", "40XL2", "40P01", "55P03", "40001"}) {
            // as OpenJPA hands it on: the SQL state a few causes down
            Response r = mapper.toResponse(new IllegalStateException("rolled back", new RuntimeException(new java.sql.SQLException("lock", state))));
            assertEquals(503, r.getStatus(), state);
            assertEquals("application/problem+json;charset=UTF-8", r.getMediaType().toString());
            assertEquals("数据库繁忙", ((Map<String, Object>) r.getEntity()).get("title"), state);
        }
        Response defect = mapper.toResponse(new IllegalStateException("defect", new java.sql.SQLException("duplicate", "23505")));
        assertEquals(500, defect.getStatus());
        assertEquals(true, ((String) ((Map<String, Object>) defect.getEntity()).get("detail")).contains("事件编号"));
    }

    @Test
    void malformedJsonSaysWhere() {
        Map<String, Object> p = problemOf("{\"name\": ");
        assertEquals(400, p.get("status"));
        assertEquals(true, ((String) p.get("detail")).contains("JSON"), p.toString());
        assertEquals(null, p.get("errors"));
        assertEquals(400, problemOf("{\"name\":\"a\"} trailing").get("status"));
    }

    @Test
    void healthIsUpOnlyWhenEveryRequiredComponentIs() {
        List<HealthIndicator> indicators = new ArrayList<>();
        HealthResource health = new HealthResource(indicators, List.of(), "registry, soap");
        assertEquals(503, health.health(null).getStatus(), "nothing registered yet");
        indicators.add(indicator("registry", null));
        indicators.add(indicator("soap", "endpoint not published"));
        Response r = health.health(null);
        assertEquals(503, r.getStatus());
        assertEquals("DOWN", ((Map<?, ?>) r.getEntity()).get("status"));
        indicators.set(1, indicator("soap", null));
        r = health.health(null);
        assertEquals(200, r.getStatus());
        assertEquals("UP", ((Map<?, ?>) r.getEntity()).get("status"));
    }

    private static HealthIndicator indicator(String name, String problem) {
        return new HealthIndicator() {
            @Override
            public String component() {
                return name;
            }

            @Override
            public String problem() {
                return problem;
            }
        };
    }
}
