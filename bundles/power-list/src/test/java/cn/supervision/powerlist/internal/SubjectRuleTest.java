package cn.supervision.powerlist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitStatus;

class SubjectRuleTest {

    /**
     * A full list (5 000 rows) of bodies the unit does not know, against a province-sized registry (3 000 units): every
     * row scans every unit twice. Squeezing each unit's names anew on every row took tens of seconds; once per import
     * it is well under a second.
     */
    @Test
    void aFullListAgainstManyUnitsIsCheckedQuickly() {
        Unit self = PowerListServiceTest.unit(1, "SCJGJ", "东营市市场监督管理局", "市市场监管局", "370500", UnitStatus.ACTIVE,
                List.of(), List.of("执法支队"));
        List<Unit> all = new ArrayList<>();
        all.add(self);
        for (int i = 0; i < 3_000; i++) {
            all.add(PowerListServiceTest.unit(100 + i, "U" + i, "东营市 第" + i + "号 事业服务中心", "服务中心" + i, "370500",
                    UnitStatus.ACTIVE, List.of(), List.of()));
        }
        int[] asked = {0};
        SubjectRule rule = new SubjectRule(self, () -> {
            asked[0]++;
            return all;
        });
        long start = System.nanoTime();
        for (int row = 0; row < 5_000; row++) {
            String reason = rule.check("某某检测有限公司" + row);
            assertTrue(reason != null && reason.contains("不是本单位"), reason);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3_000, "5 000 rows against 3 000 units took " + millis + " ms");
        assertEquals(1, asked[0]);
        assertTrue(rule.check("东营市第7号事业服务中心").contains("本行政区划的另一单位（东营市 第7号 事业服务中心）"));
        assertEquals(null, rule.check("东营市 市场监督管理局（执法 支队）"));
    }
}
