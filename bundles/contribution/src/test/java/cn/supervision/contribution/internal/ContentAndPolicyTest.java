package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.contribution.Policy;
import cn.supervision.api.contribution.Policy.Bounds;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.SystemDefinition;

class ContentAndPolicyTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void contentIsReadAndHashedStably() {
        Map<String, byte[]> files = Map.of(
                "jurisdiction.json", b("{\"jurisdiction\":{\"code\":\"370522\",\"name\":\"利津县\",\"kind\":\"COUNTY\",\"parentCode\":\"370500\",\"localCode\":false}}"),
                "units/a.json", b("{\"jurisdictionCode\":\"370522\",\"units\":[{\"code\":\"X\",\"name\":\"某局\",\"kind\":\"OTHER\"}]}"));
        BundleContent c = BundleContent.read(files);
        assertEquals(List.of(), c.problems());
        assertEquals("370522", c.jurisdiction().jurisdiction().code());
        assertEquals(1, c.units().get(0).value().units().size());
        assertEquals(c.contentHash(), BundleContent.read(Map.copyOf(files)).contentHash());
        assertNotEquals(c.contentHash(), BundleContent.read(Map.of("jurisdiction.json", files.get("jurisdiction.json"))).contentHash());
    }

    @Test
    void unreadableFilesAreReasonsNotCrashes() {
        BundleContent c = BundleContent.read(Map.of("units/bad.json", b("{\"jurisdictionCode\":"),
                "indicator-systems/x.json", b("{\"surprise\":1}"), "notes.json", b("{}")));
        assertEquals(3, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().stream().anyMatch(p -> p.startsWith("units/bad.json：JSON 无效")));
        assertTrue(BundleContent.read(Map.of()).problems().get(0).contains("SUPERVISION-INF"));
    }

    @Test
    void policyBreachesAreEachExplained() {
        Policy policy = new Policy(new BigDecimal("100"), List.of(Category.values()),
                Map.of(Category.CORE, new Bounds(new BigDecimal("30"), new BigDecimal("50"))), 5, new BigDecimal("20"), null);
        SystemDefinition d = new SystemDefinition("县指标体系", 2026, Set.of(), Aggregation.POINTS, new BigDecimal("120"),
                new BigDecimal("30"), null, null, List.of(), List.of());
        Map<Category, BigDecimal> shares = Map.of(Category.CORE, new BigDecimal("60"), Category.AUXILIARY, new BigDecimal("20"),
                Category.PEER_REVIEW, new BigDecimal("10"), Category.PUBLIC_EVALUATION, new BigDecimal("10"));
        List<String> reasons = PolicyChecker.check(policy, d, shares);
        assertEquals(List.of(
                "市级政策要求基础分满分为 100，该体系为 120",
                "市级政策要求包含“平台数据”（PLATFORM_DATA）类指标",
                "“核心职责”类指标占基础分 60%，市级政策要求在 30%–50% 之间",
                "个性指标满分 30，市级政策最多允许 20"), reasons);
        assertEquals(List.of(), PolicyChecker.check(null, d, shares));
    }
}
