package cn.supervision.soap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

class SupervisionFaultTest {
    private static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    @Test
    void aRefusalIsTheFaultOfItsKind() {
        SupervisionFault f = assertThrows(SupervisionFault.class, () -> SupervisionFault.call(() -> CITY, c -> {
            throw SupervisionException.notFound("单位不存在");
        }));
        assertEquals(404, f.getFaultInfo().status);
        assertEquals("NOT_FOUND", f.getFaultInfo().kind);
    }

    @Test
    void aLostDatabaseLockIsBusyNotAServerFault() {
        for (String state : new String[] {"40XL1", "40XL2", "40P01"}) {
            RuntimeException lost = new IllegalStateException("rolled back", new RuntimeException(new SQLException("lock", state)));
            SupervisionFault f = assertThrows(SupervisionFault.class, () -> SupervisionFault.call(() -> CITY, c -> {
                throw lost;
            }), state);
            assertEquals(503, f.getFaultInfo().status, state);
            assertEquals("BUSY", f.getFaultInfo().kind, state);
            assertEquals("数据库繁忙", f.getFaultInfo().title, state);
        }
    }

    @Test
    void anyOtherFailureStaysWhatItWas() {
        RuntimeException defect = new IllegalStateException("defect", new SQLException("duplicate", "23505"));
        assertSame(defect, assertThrows(IllegalStateException.class, () -> SupervisionFault.call(() -> CITY, c -> {
            throw defect;
        })));
    }
}
