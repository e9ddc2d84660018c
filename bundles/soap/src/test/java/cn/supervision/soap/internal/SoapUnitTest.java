package cn.supervision.soap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;

/** Partners read a unit's duties with their stable ids and types. */
class SoapUnitTest {

    @Test
    void dutiesCarryTheirIdAndType() {
        Unit u = new Unit(7, "SCJG", "东营市市场监督管理局", null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE,
                new Mandate(List.of(new Duty(11L, 1, "负责食品经营许可。", DutyType.LICENSING, List.of()), new Duty(2, "负责计量。")),
                        List.of(), Staffing.NONE), 2, Instant.EPOCH, "t", Instant.EPOCH, "t");
        SoapUnit s = SoapUnit.of(u);
        SoapUnit.SoapDuty licensing = s.duties.get(0);
        assertEquals(11L, licensing.id);
        assertEquals("LICENSING", licensing.type);
        assertEquals("行政许可", licensing.typeLabel);
        assertEquals("负责食品经营许可。", licensing.text);
        assertNull(s.duties.get(1).type);
        assertNull(s.duties.get(1).typeLabel);
    }
}
