package cn.supervision.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Contribution bundles made in the test, for the cases a county could get wrong. */
final class TestBundles {
    private TestBundles() {
    }

    /** Entries ending in .class are put at the jar's root path as given (to stand for code); the rest under SUPERVISION-INF/. */
    static byte[] jar(String symbolicName, String version, String jurisdiction, Map<String, String> content) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue("Supervision-Jurisdiction", jurisdiction);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            for (Map.Entry<String, String> e : content.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey().endsWith(".class") ? e.getKey() : "SUPERVISION-INF/" + e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String units(String jurisdiction, String code, String name) {
        return "{\"jurisdictionCode\":\"" + jurisdiction + "\",\"units\":[{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"kind\":\"PUBLIC_INSTITUTION\"}]}";
    }

    /** A small valid points system; {@code core} points of 100 go to CORE, the rest spread over the other four. */
    static String system(String jurisdiction, String name, int core, String coreRule) {
        int rest = 100 - core;
        int each = rest / 4;
        int last = rest - 3 * each;
        String leaf = "{\"code\":\"%s\",\"name\":\"%s\",\"weight\":%d,\"category\":\"%s\",\"rule\":%s}";
        String deduct = "{\"type\":\"DEDUCT_PER_OCCURRENCE\",\"points\":1}";
        return "{\"format\":\"supervision.indicator-system/v1\",\"jurisdictionCode\":\"" + jurisdiction + "\",\"definition\":{"
                + "\"name\":\"" + name + "\",\"year\":2026,\"aggregation\":\"POINTS\",\"baseMax\":100,\"indicators\":["
                + String.format(leaf, "T1", "核心", core, "CORE", coreRule) + ","
                + String.format(leaf, "T2", "辅助", each, "AUXILIARY", deduct) + ","
                + String.format(leaf, "T3", "互评", each, "PEER_REVIEW", deduct) + ","
                + String.format(leaf, "T4", "社会评议", each, "PUBLIC_EVALUATION", deduct) + ","
                + String.format(leaf, "T5", "平台数据", last, "PLATFORM_DATA", deduct) + "]}}";
    }
}
