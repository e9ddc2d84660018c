package cn.supervision.campaign.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.RequestKey;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.fakes.FakeCampaignService;
import cn.supervision.testing.fakes.FakeSecurityContext;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;

/** The Idempotency-Key header of the input writes: parsed, handed to the domain, a replay marked, described in OpenAPI. */
class IdempotencyKeyTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final IndicatorInput EIGHTY = IndicatorInput.value(BigDecimal.valueOf(80));

    /** What the resource handed the domain, and whether the domain answers as a replay. */
    static final class Campaigns extends FakeCampaignService {
        final List<RequestKey> keys = new ArrayList<>();
        final List<List<InputDraft>> drafts = new ArrayList<>();
        boolean replay;
        boolean refuse;

        static InputRecord record(long id, InputDraft d) {
            return new InputRecord(id, 7, d.unitId(), d.code(), d.input(), d.source(), d.explanation(), "city-admin",
                    Instant.parse("2026-03-01T00:00:00Z"), ReviewStatus.ACCEPTED, null, null);
        }

        @Override
        public RequestKey.Answer<InputRecord> recordInput(Caller caller, long campaignId, InputDraft draft, RequestKey key) {
            keys.add(key);
            drafts.add(List.of(draft));
            return new RequestKey.Answer<>(record(41, draft), replay);
        }

        @Override
        public RequestKey.Answer<InputBatch> recordInputs(Caller caller, long campaignId, List<InputDraft> inputs, RequestKey key) {
            keys.add(key);
            drafts.add(inputs);
            List<InputBatch.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                outcomes.add(refuse ? new InputBatch.Outcome(i, null, ProblemKind.INVALID, "不是末级指标")
                        : new InputBatch.Outcome(i, record(50 + i, inputs.get(i)), null, null));
            }
            return new RequestKey.Answer<>(new InputBatch(!refuse, outcomes), replay);
        }
    }

    private final Campaigns campaigns = new Campaigns();
    private final CampaignsResource resource = new CampaignsResource(campaigns, null);

    private static SecurityContext as(Caller caller) {
        return FakeSecurityContext.of(caller);
    }

    private static CampaignsResource.InputCommand input(long unitId, String code) {
        return new CampaignsResource.InputCommand(unitId, code, EIGHTY, InputSource.OFFICE, "统计");
    }

    @Test
    void theKeyIsATokenOrAQuotedStringAndAbsentMeansNoKey() {
        assertEquals(new RequestKey("8e03978e-40d5"), IdempotencyKey.parse("8e03978e-40d5"));
        assertEquals(new RequestKey("8e03978e-40d5"), IdempotencyKey.parse(" \"8e03978e-40d5\" "));
        assertNull(IdempotencyKey.parse(null));
        for (String bad : List.of("", "\"\"", "two words", "x".repeat(129), "键")) {
            SupervisionException e = assertThrows(SupervisionException.class, () -> IdempotencyKey.parse(bad), bad);
            assertEquals(ProblemKind.INVALID, e.kind());
            assertEquals(List.of("Idempotency-Key"), e.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    void oneInputCarriesItsKeyAndAReplayIsTheSameAnswerMarked() {
        Response first = resource.recordInput(as(CITY), 7, "\"k-1\"", input(1, "D1.2"));
        assertEquals(201, first.getStatus());
        assertNull(first.getHeaderString("Idempotent-Replayed"));
        campaigns.replay = true;
        Response again = resource.recordInput(as(CITY), 7, "k-1", input(1, "D1.2"));
        assertEquals(201, again.getStatus());
        assertEquals("true", again.getHeaderString("Idempotent-Replayed"));
        assertEquals(first.getEntity(), again.getEntity());
        assertEquals(List.of(new RequestKey("k-1"), new RequestKey("k-1")), campaigns.keys);
        assertEquals(new InputDraft(1, "D1.2", EIGHTY, InputSource.OFFICE, "统计"), campaigns.drafts.get(0).get(0));

        resource.recordInput(as(CITY), 7, null, input(1, "D1.2"));
        assertNull(campaigns.keys.get(2), "no header, no key: every request writes");
        // a malformed key is refused before anything is recorded
        assertThrows(SupervisionException.class, () -> resource.recordInput(as(CITY), 7, "a b", input(1, "D1.2")));
        assertEquals(3, campaigns.keys.size());
    }

    @Test
    void aBatchIs201WhenWrittenAnd422WhenRefusedAndCarriesItsKey() {
        CampaignsResource.BatchCommand batch = new CampaignsResource.BatchCommand(List.of(input(1, "D1.2"), input(2, "D2.1")));
        Response written = resource.recordInputs(as(CITY), 7, "b-1", batch);
        assertEquals(201, written.getStatus());
        assertEquals(2, ((InputBatch) written.getEntity()).outcomes().size());
        assertEquals(List.of("D1.2", "D2.1"), campaigns.drafts.get(0).stream().map(InputDraft::code).toList());
        assertEquals(new RequestKey("b-1"), campaigns.keys.get(0));

        campaigns.replay = true;
        Response replayed = resource.recordInputs(as(CITY), 7, "b-1", batch);
        assertEquals(201, replayed.getStatus());
        assertEquals("true", replayed.getHeaderString("Idempotent-Replayed"));
        assertEquals(written.getEntity(), replayed.getEntity());

        campaigns.replay = false;
        campaigns.refuse = true;
        Response refused = resource.recordInputs(as(CITY), 7, "b-2", batch);
        assertEquals(422, refused.getStatus());
        assertTrue(!((InputBatch) refused.getEntity()).written());

        java.util.List<CampaignsResource.InputCommand> withHole = new ArrayList<>();
        withHole.add(input(1, "D1.2"));
        withHole.add(new CampaignsResource.InputCommand(null, "D2.1", EIGHTY, InputSource.OFFICE, "统计"));
        SupervisionException e = assertThrows(SupervisionException.class,
                () -> resource.recordInputs(as(CITY), 7, "b-3", new CampaignsResource.BatchCommand(withHole)));
        assertEquals(List.of("inputs[1]"), e.errors().stream().map(FieldError::field).toList());
        assertThrows(SupervisionException.class, () -> resource.recordInputs(as(CITY), 7, null, new CampaignsResource.BatchCommand(null)));
    }

    @Test
    void theOpenApiDocumentDescribesTheHeaderOnBothWrites() {
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(new OpenAPI())).read(Set.of(CampaignsResource.class));
        for (String path : List.of("/v1/campaigns/{id}/inputs", "/v1/campaigns/{id}/inputs/batch")) {
            List<Parameter> parameters = api.getPaths().get(path).getPost().getParameters();
            Parameter key = parameters.stream().filter(p -> "Idempotency-Key".equals(p.getName())).findFirst().orElseThrow(
                    () -> new AssertionError(path + ": " + parameters));
            assertEquals("header", key.getIn());
            assertEquals(Integer.valueOf(RequestKey.MAX_LENGTH), key.getSchema().getMaxLength());
            assertTrue(key.getDescription().contains("Idempotent-Replayed"), key.getDescription());
            assertTrue(api.getPaths().get(path).getPost().getDescription().contains("Idempotency-Key"));
        }
    }
}
