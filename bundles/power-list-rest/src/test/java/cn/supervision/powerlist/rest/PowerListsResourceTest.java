package cn.supervision.powerlist.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.fakes.FakeSecurityContext;
import cn.supervision.testing.fakes.FakeUriInfo;

/** The adapter's own duties: authority before the body is read, the header before the rows, bad bytes as a 400. */
class PowerListsResourceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller CZJ_USER = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller SCJ_USER = new Caller("scj-user", Set.of(Role.UNIT_USER), "370500", "SCJGJ");

    private final List<List<PowerItemDraft>> imported = new ArrayList<>();
    private final PowerListsResource resource = new PowerListsResource(recording(), new FakeRegistry(FakeRegistry.DONGYING, List.of(
            unit(1, "SCJGJ", "东营市市场监督管理局"), unit(2, "CZJ", "东营市财政局"))));

    static Unit unit(long id, String code, String name) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    private PowerListService recording() {
        return new PowerListService() {
            @Override
            public PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows) {
                imported.add(rows);
                throw new SupervisionException(ProblemKind.GONE, "stop", "reached the service", null);
            }

            @Override
            public List<PowerItem> items(Caller caller, long unitId, boolean includeSuperseded) {
                return List.of();
            }

            @Override
            public List<PowerItem> itemsOf(Caller caller, String jurisdictionCode) {
                return List.of();
            }

            @Override
            public List<PowerListImport> imports(Caller caller, long unitId) {
                return List.of();
            }

            @Override
            public PowerListGaps gaps(Caller caller, long unitId) {
                return null;
            }
        };
    }

    private static SecurityContext as(Caller caller) {
        return FakeSecurityContext.of(caller);
    }

    /** No response is built in these tests: any question to it fails the test. */
    private static final UriInfo NO_URI = new FakeUriInfo();

    private static byte[] workbook(List<Object> header, List<Object> row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("权责清单", List.of(header, row))));
        return out.toByteArray();
    }

    private SupervisionException upload(Caller caller, long unitId, InputStream body, Long length) {
        return assertThrows(SupervisionException.class, () -> resource.importList(as(caller), NO_URI, unitId, "x.xlsx", length, body));
    }

    /** A body that must not be touched: authority is decided first. */
    private static InputStream untouchable() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read before authority was checked");
            }
        };
    }

    @Test
    void callersWhoMayNotImportAreRefusedBeforeTheBodyIsRead() {
        // who may not even read the unit cannot tell it from a missing one
        assertEquals(ProblemKind.NOT_FOUND, upload(LIJIN, 1, untouchable(), null).kind());
        assertEquals(ProblemKind.NOT_FOUND, upload(CZJ_USER, 1, untouchable(), null).kind());
        SupervisionException missing = upload(LIJIN, 99, untouchable(), null);
        assertEquals(List.of(ProblemKind.NOT_FOUND, "单位 99 不存在"), List.of(missing.kind(), missing.getMessage()));
        assertEquals("单位 1 不存在", upload(CZJ_USER, 1, untouchable(), null).getMessage());
        assertEquals(ProblemKind.FORBIDDEN, upload(SCJ_USER, 1, untouchable(), null).kind());
        assertEquals(ProblemKind.NOT_FOUND, upload(CITY, 99, untouchable(), null).kind());
        assertEquals(List.of(), imported);
    }

    @Test
    void aWrongHeaderOrBadBytesAre400sThatNeverReachTheService() throws IOException {
        SupervisionException header = upload(CITY, 1, new ByteArrayInputStream(workbook(List.of("事项编码", "名称", "事项类型", "备注"),
                List.of("XK-1", "许可", "行政许可", ""))), null);
        assertEquals(ProblemKind.INVALID, header.kind());
        assertEquals(List.of("表头第2列", "表头第4列", "表头"), header.errors().stream().map(FieldError::field).toList());
        assertTrue(header.errors().get(2).message().contains("事项名称"));

        SupervisionException garbage = upload(CITY, 1, new ByteArrayInputStream("PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1)), null);
        assertEquals(ProblemKind.INVALID, garbage.kind());
        assertEquals(ProblemKind.INVALID, upload(CITY, 1, new ByteArrayInputStream(new byte[0]), null).kind());
        assertEquals(List.of(), imported);

    }

    @Test
    void aWellFormedWorkbookReachesTheServiceAsRows() throws IOException {
        SupervisionException reached = upload(CITY, 1, new ByteArrayInputStream(workbook(
                List.of("事项编码", "事项名称", "事项类型", "对应职责序号"), List.of("XK-1", "企业登记", "行政许可", "2"))), null);
        assertEquals(ProblemKind.GONE, reached.kind());
        assertEquals(List.of(List.of(new PowerItemDraft(2, "XK-1", "企业登记", "行政许可", "", "", "", "", 2))), imported);
    }

    @Test
    void theJurisdictionListingNeedsAJurisdiction() {
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> resource.itemsOf(as(CITY), " ")).kind());
    }
}
