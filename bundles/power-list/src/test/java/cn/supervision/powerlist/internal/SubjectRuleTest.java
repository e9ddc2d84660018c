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
     * Bodies the unit does not know, against a province-sized registry (3 000 units): the registry is asked once per
     * import, however many rows are checked. How long a full list (5 000 rows) takes is measured by
     * {@link PowerListImportBench}, not here.
     */
    @Test
    void aListAgainstManyUnitsAsksTheRegistryOnce() {
        Unit self = PowerListServiceTest.unit(1, "SCJGJ", "东营市市场监督管理局", "市市场监管局", "370500", UnitStatus.ACTIVE,
                List.of(), List.of("执法支队"));
        int[] asked = {0};
        SubjectRule rule = new SubjectRule(self, () -> {
            asked[0]++;
            return registry(self);
        });
        for (int row = 0; row < 200; row++) {
            String reason = rule.check("某某检测有限公司" + row);
            assertTrue(reason != null && reason.contains("不是本单位"), reason);
        }
        assertEquals(1, asked[0]);
        assertTrue(rule.check("东营市第7号事业服务中心").contains("本行政区划的另一单位（东营市 第7号 事业服务中心）"));
        assertEquals(null, rule.check("东营市 市场监督管理局（执法 支队）"));
        assertEquals(1, asked[0]);
    }

    /** The unit itself and 3 000 others of the city, their names with stray spaces as workbooks have them. */
    static List<Unit> registry(Unit self) {
        List<Unit> all = new ArrayList<>();
        all.add(self);
        for (int i = 0; i < 3_000; i++) {
            all.add(PowerListServiceTest.unit(100 + i, "U" + i, "东营市 第" + i + "号 事业服务中心", "服务中心" + i, "370500",
                    UnitStatus.ACTIVE, List.of(), List.of()));
        }
        return all;
    }
}
