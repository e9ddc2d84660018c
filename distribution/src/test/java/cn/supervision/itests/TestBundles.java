package cn.supervision.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
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
        return jar(symbolicName, version, jurisdiction, content, Map.of());
    }

    /** {@code headers}: further main manifest headers (e.g. the platform's own Supervision-Contract). */
    static byte[] jar(String symbolicName, String version, String jurisdiction, Map<String, String> content,
                      Map<String, String> headers) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue("Supervision-Jurisdiction", jurisdiction);
        headers.forEach(a::putValue);
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

    /** A bundle whose activator ({@link SideEffectActivator}, real bytecode) leaves a system property when it runs. */
    static byte[] withActivator(String symbolicName, String jurisdiction) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Supervision-Jurisdiction", jurisdiction);
        a.putValue("Bundle-Activator", SideEffectActivator.class.getName());
        a.putValue("Import-Package", "org.osgi.framework");
        byte[] code;
        try (InputStream in = SideEffectActivator.class.getResourceAsStream("SideEffectActivator.class")) {
            code = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new JarEntry(SideEffectActivator.class.getName().replace('.', '/') + ".class"));
            jar.write(code);
            jar.closeEntry();
            jar.putNextEntry(new JarEntry("SUPERVISION-INF/units/a.json"));
            jar.write(units(jurisdiction, "SE1", "副作用测试单位").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * A jar that looks declarative to a front-to-back reader: the activator's class is written after bytes that are
     * not a local header, where a stream stops, but the central directory (what the framework reads) lists it.
     */
    static byte[] withHiddenActivator(String symbolicName, String jurisdiction) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Supervision-Jurisdiction", jurisdiction);
        ByteArrayOutputStream mf = new ByteArrayOutputStream();
        m.write(mf);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", mf.toByteArray());
        entries.put("SUPERVISION-INF/units/a.json", units(jurisdiction, "H1", "隐藏条目测试").getBytes(StandardCharsets.UTF_8));
        entries.put("cn/evil/Activator.class", "code".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().endsWith(".class")) {
                out.writeBytes(new byte[] {'J', 'U', 'N', 'K'});
            }
            int offset = out.size();
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            ByteBuffer lh = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            lh.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0x21).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
                    .putShort((short) name.length).putShort((short) 0);
            out.writeBytes(lh.array());
            out.writeBytes(name);
            out.writeBytes(data);
            ByteBuffer ch = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            ch.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(data.length).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
            byte[] c = Arrays.copyOf(ch.array(), 46 + name.length);
            System.arraycopy(name, 0, c, 46, name.length);
            central.add(c);
        }
        int cdStart = out.size();
        central.forEach(out::writeBytes);
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) central.size())
                .putShort((short) central.size()).putInt(out.size() - cdStart).putInt(cdStart).putShort((short) 0);
        out.writeBytes(end.array());
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
