package cn.supervision.document.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.registry.Jurisdiction;

/**
 * A jurisdiction's issuing office ({@code templates/office.json}): {@code issuingOffice} (发文机关, 东营市机构编制委员会办公室),
 * {@code numberPrefix} (发文字号的机关代字, 东编办发) and optional {@code seal} (the seal placeholder text).
 */
record OfficeProfile(String issuingOffice, String numberPrefix, String seal, String source, String sourceJurisdiction,
                     String sha256, long installedAt) {
    static final String FILE = "office.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("issuingOffice", "numberPrefix", "seal");

    /** The defaults made from the jurisdiction's name: 东营市 → 东营市机构编制委员会办公室, 东编办发. */
    static OfficeProfile derived(Jurisdiction j) {
        String name = j.name();
        return new OfficeProfile(name + "机构编制委员会办公室", name.substring(0, 1) + "编办发", name + "机构编制委员会办公室",
                "derived", null, null, 0);
    }

    String number(int year, int n) {
        return numberPrefix + "〔" + year + "〕" + n + "号";
    }

    /** Problems of an office.json (without the file name); empty when usable. */
    static List<String> problems(byte[] content) {
        List<String> problems = new java.util.ArrayList<>();
        JsonNode node;
        try {
            node = JSON.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("不是有效的 JSON：" + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return List.of("无法读取：" + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return List.of("必须是一个 JSON 对象");
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                problems.add("不认识的字段 " + k + "（可用：issuingOffice、numberPrefix、seal）");
            }
        });
        text(node, "issuingOffice", 60, true, problems);
        text(node, "numberPrefix", 20, true, problems);
        text(node, "seal", 60, false, problems);
        return problems;
    }

    private static void text(JsonNode node, String field, int max, boolean required, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add("缺少字段 " + field);
            }
        } else if (!v.isTextual() || v.asText().isBlank()) {
            problems.add("字段 " + field + " 必须是非空文字");
        } else if (v.asText().length() > max) {
            problems.add("字段 " + field + " 不能超过 " + max + " 个字");
        } else if (v.asText().chars().anyMatch(c -> c < 0x20 || "<>&\"{}".indexOf(c) >= 0)) {
            problems.add("字段 " + field + " 含不允许的字符");
        }
    }

    static OfficeProfile read(byte[] content, String source, String sourceJurisdiction, String sha256, long installedAt) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> m = JSON.readValue(content, Map.class);
            String office = m.get("issuingOffice").trim();
            String seal = m.get("seal");
            return new OfficeProfile(office, m.get("numberPrefix").trim(), seal == null ? office : seal.trim(), source,
                    sourceJurisdiction, sha256, installedAt);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
