package cn.supervision.contribution.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.contribution.Policy;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.UnitDraft;

/**
 * The declarative content of a contribution bundle, read from {@code SUPERVISION-INF/}:
 * {@code jurisdiction.json} ({@code {"jurisdiction":{…},"children":[…]}}), {@code policy.json} (the city only),
 * {@code units/*.json} ({@code {"jurisdictionCode":…,"units":[…]}}) and {@code indicator-systems/*.json}
 * (the indicator exchange format), {@code power-lists/<unit code>.json} (a power and responsibility list: an array
 * of {@link PowerListRow}s for that unit of the declared jurisdiction), and the document templates
 * {@code templates/office.json} and {@code templates/<kind>.html} (by path below {@code templates/}; checked by the
 * document service's template registry). The content hash covers every file's path and bytes.
 */
record BundleContent(JurisdictionFile jurisdiction, Policy policy, List<Named<UnitFile>> units,
                     List<Named<IndicatorSystemDocument>> systems, List<PowerListFile> powerLists,
                     Map<String, byte[]> templates, String contentHash, List<String> problems) {

    record JurisdictionFile(Jurisdiction jurisdiction, List<Jurisdiction> children) {
        JurisdictionFile {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    record UnitFile(String jurisdictionCode, List<UnitDraft> units) {
        UnitFile {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }

    record Named<T>(String path, T value) { }

    /**
     * One item of a power list as a bundle carries it: the workbook's columns (事项编码, 事项名称, 事项类型 as its Chinese
     * label, 设定依据, 实施主体, 责任事项, 追责情形, 对应职责序号), without the sheet row, which is the item's place in the array.
     */
    record PowerListRow(String code, String name, String type, String basis, String subject, String responsibilities,
                        String accountability, Integer dutyNumber) { }

    /** {@code power-lists/<unitCode>.json}: the unit's whole list, replacing its current one when applied. */
    record PowerListFile(String path, String unitCode, List<PowerListRow> rows) {
        PowerListFile {
            rows = rows == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(rows));
        }
    }

    static final String POWER_LISTS = "power-lists/";

    static final String TEMPLATES = "templates/";

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** {@code files}: path below SUPERVISION-INF/ → bytes. Unreadable files become problems, never exceptions. */
    static BundleContent read(Map<String, byte[]> files) {
        Map<String, byte[]> sorted = new TreeMap<>(files);
        List<String> problems = new ArrayList<>();
        JurisdictionFile jurisdiction = null;
        Policy policy = null;
        List<Named<UnitFile>> units = new ArrayList<>();
        List<Named<IndicatorSystemDocument>> systems = new ArrayList<>();
        List<PowerListFile> powerLists = new ArrayList<>();
        Map<String, byte[]> templates = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : sorted.entrySet()) {
            String path = f.getKey();
            if (path.startsWith(TEMPLATES)) {
                String name = path.substring(TEMPLATES.length());
                if (name.equals("office.json") || (name.endsWith(".html") && !name.contains("/"))) {
                    templates.put(name, f.getValue());
                } else {
                    problems.add(path + "：templates/ 中只能有 office.json 和 <文书种类>.html");
                }
                continue;
            }
            try {
                if (path.equals("jurisdiction.json")) {
                    jurisdiction = JSON.readValue(f.getValue(), JurisdictionFile.class);
                } else if (path.equals("policy.json")) {
                    policy = JSON.readValue(f.getValue(), Policy.class);
                } else if (path.startsWith("units/") && path.endsWith(".json")) {
                    units.add(new Named<>(path, JSON.readValue(f.getValue(), UnitFile.class)));
                } else if (path.startsWith("indicator-systems/") && path.endsWith(".json")) {
                    systems.add(new Named<>(path, JSON.readValue(f.getValue(), IndicatorSystemDocument.class)));
                } else if (path.startsWith(POWER_LISTS) && path.endsWith(".json")) {
                    String unitCode = path.substring(POWER_LISTS.length(), path.length() - ".json".length());
                    if (unitCode.isBlank() || unitCode.contains("/")) {
                        problems.add(path + "：权责清单文件应为 power-lists/<单位编码>.json");
                    } else {
                        PowerListRow[] rows = JSON.readValue(f.getValue(), PowerListRow[].class);
                        powerLists.add(new PowerListFile(path, unitCode, java.util.Arrays.asList(rows)));
                    }
                } else if (path.endsWith(".json")) {
                    problems.add(path + "：不认识的内容文件（应为 jurisdiction.json、policy.json、units/*.json、indicator-systems/*.json 或 power-lists/*.json）");
                }
            } catch (java.io.IOException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                problems.add(path + "：JSON 无效：" + why);
            }
        }
        if (sorted.isEmpty()) {
            problems.add("贡献包中没有 SUPERVISION-INF/ 内容");
        }
        return new BundleContent(jurisdiction, policy, units, systems, powerLists, templates, hash(sorted), problems);
    }

    private static String hash(Map<String, byte[]> sorted) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : sorted.entrySet()) {
                md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.getValue());
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
