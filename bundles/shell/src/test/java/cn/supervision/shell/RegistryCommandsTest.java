package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.fakes.FakeRegistryService;

class RegistryCommandsTest extends CommandTestBase {
    static Unit unit(long id, String code, String name, String jurisdiction) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    static final FakeRegistry DONGYING = new FakeRegistry(FakeRegistry.DONGYING, List.of(
            unit(7, "SCJG", "东营市市场监督管理局", "370500"), unit(8, "JYJ", "东营市教育局", "370500"),
            unit(21, "LJ-SCJG", "利津县市场监督管理局", "370522"), unit(31, "GR-SCJG", "广饶县市场监督管理局", "370523")));

    @Test
    void jurisdictionsAreListedWithTheirParents() throws Exception {
        JurisdictionListCommand c = new JurisdictionListCommand();
        c.registry = DONGYING;
        run(c);
        assertEquals(List.of("Code", "Name", "Kind", "Parent"), row("Parent"));
        assertEquals(List.of("370500", "东营市", "CITY", ""), row("东营市"));
        assertEquals(List.of("370522", "利津县", "COUNTY", "370500"), row("利津县"));
    }

    @Test
    void unitsOfOneJurisdictionWithDutiesAndSlots() throws Exception {
        Unit withMandate = new Unit(7, "SCJG", "东营市市场监督管理局", null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE,
                new Mandate(List.of(new Duty(null, 1, "负责市场综合监督管理。", null, List.of()), new Duty(null, 2, "负责食品安全监督管理。", null, List.of())), List.of(),
                        new Staffing(40, 12, 3)), 1, Instant.EPOCH, "t", Instant.EPOCH, "t");
        UnitListCommand c = new UnitListCommand();
        c.registry = new FakeRegistryService() {
            @Override
            public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
                assertEquals("shell:karaf", caller.username());
                assertTrue(caller.isSystem(), "shell operators act with the platform's scope");
                assertEquals("370500", jurisdictionCode);
                assertFalse(includeInactive);
                return List.of(withMandate);
            }
        };
        run(c);
        assertEquals(List.of("7", "SCJG", "东营市市场监督管理局", UnitKind.GOVERNMENT_DEPARTMENT.label(), UnitStatus.ACTIVE.label(), "2", "52"),
                row("SCJG"));
    }

    @Test
    void aLostDatabaseLockIsReportedAsBusyAndADefectStillReachesKaraf() throws Exception {
        RuntimeException lost = new IllegalStateException("rolled back", new RuntimeException(new SQLException("lock", "40XL1")));
        UnitListCommand c = new UnitListCommand();
        c.registry = new FakeRegistryService() {
            @Override
            public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
                throw lost;
            }
        };
        assertRefused(c, SupervisionException.busy("数据库繁忙", "x"), "数据库繁忙：并发写入过多，未能取得数据库锁，请稍后重试", 503);

        RuntimeException defect = new IllegalStateException("defect");
        UnitListCommand d = new UnitListCommand();
        d.registry = new FakeRegistryService() {
            @Override
            public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
                throw defect;
            }
        };
        d.session = session;
        assertSame(defect, assertThrows(IllegalStateException.class, d::execute));
    }

    @Test
    void anUnknownJurisdictionIsRefusedWithItsFieldError() throws Exception {
        SupervisionException refusal = SupervisionException.invalid("行政区划代码无效", List.of(new FieldError("code", "999999 不是已登记的行政区划")));
        UnitListCommand c = new UnitListCommand();
        c.code = "999999";
        c.registry = new FakeRegistryService() {
            @Override
            public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
                throw refusal;
            }
        };
        assertRefused(c, refusal, "输入无效：行政区划代码无效", 400);
    }
}
