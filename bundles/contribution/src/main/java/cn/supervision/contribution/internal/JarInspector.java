package cn.supervision.contribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Version;

import cn.supervision.api.contribution.ContributionService;

/**
 * Reads a bundle jar the way the OSGi framework will: through the zip central directory ({@link ZipFile}), never a
 * front-to-back stream, and decides
 * <ul>
 * <li>whether it is a well-formed jar at all ({@link JarInspection#malformed}: refused for everyone) — the central
 * directory and the local headers must list the same entries with the same contents, names must be unique and
 * plain;</li>
 * <li>whether it is <b>declarative</b> ({@link JarInspection#code} empty): only allow-listed manifest headers, and
 * entries only in {@code SUPERVISION-INF/} (JSON, and document templates {@code templates/*.html}) and {@code META-INF/} (the manifest, signature files, Maven
 * metadata). Nothing in such a jar makes the framework or an extender load or wire code;</li>
 * <li>for any other jar, whether every entry is signed by a certificate of the city's {@link TrustStore}.</li>
 * </ul>
 * An allow-list, not a deny-list: a header or folder an extender might read tomorrow is refused today.
 */
final class JarInspector {
    /** More entries than any contribution needs; beyond it the jar is refused unread. */
    static final int MAX_ENTRIES = 10_000;
    /** Total uncompressed bytes read while checking (a zip bomb stops here). */
    static final long MAX_UNCOMPRESSED_BYTES = 256L * 1024 * 1024;

    /** Manifest headers a data bundle may carry: identification and build provenance only. */
    static final Set<String> DATA_HEADERS = lower(Set.of(
            "Manifest-Version", "Bundle-ManifestVersion", "Bundle-SymbolicName", "Bundle-Version", "Bundle-Name",
            "Bundle-Description", "Bundle-Vendor", "Bundle-Copyright", "Bundle-License", "Bundle-DocURL",
            "Bundle-ContactAddress", "Bundle-Developers", "Bundle-SCM", "Created-By", "Built-By", "Build-Jdk",
            "Build-Jdk-Spec", "Bnd-LastModified", "Tool", "Archiver-Version",
            "Implementation-Title", "Implementation-Version", "Implementation-Vendor",
            "Specification-Title", "Specification-Version", "Specification-Vendor"));
    /** The platform's own headers ({@code Supervision-Jurisdiction}, …): read by the platform, never by an extender. */
    static final String PLATFORM_HEADER_PREFIX = "supervision-";
    /** The platform's own bundles' headers that make the platform act on a bundle's files (bundles/schema runs the
     * changelogs named in it): never data. */
    static final Set<String> PLATFORM_CODE_HEADERS = lower(Set.of("Supervision-Changelogs"));

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final Pattern SINGLETON = Pattern.compile("\\s*singleton:=\\s*\"?(true|false)\"?\\s*");
    static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAVEN_METADATA = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.(xml|properties)");
    private static final String CONTENT = ContributionService.CONTENT_FOLDER + "/";
    /** Document templates: logic-less XHTML text the document service validates; never code. */
    private static final Pattern TEMPLATE_FILE = Pattern.compile(Pattern.quote(CONTENT) + "templates/[a-z0-9-]{1,60}\\.html");

    private final SignatureCheck signatures;

    JarInspector(TrustStore trust) {
        this.signatures = new SignatureCheck(trust);
    }

    /** The jar at {@code jar} (a file: the central directory needs random access). Never throws for a bad jar. */
    JarInspection inspect(Path jar) {
        List<String> malformed = new ArrayList<>();
        List<String> code = new ArrayList<>();
        Manifest manifest = null;
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, ZipEntry> central = centralDirectory(zip, names, malformed);
            if (!malformed.isEmpty()) {
                return JarInspection.malformed(malformed);
            }
            compareWithLocalHeaders(jar, central, names, malformed);
            ZipEntry mf = central.get(JarFile.MANIFEST_NAME);
            if (mf == null) {
                malformed.add("缺少 META-INF/MANIFEST.MF：不是 OSGi bundle");
            } else {
                try (InputStream in = zip.getInputStream(mf)) {
                    manifest = new Manifest(in);
                }
            }
        } catch (ZipException e) {
            malformed.add("不是有效的 jar（zip）文件：" + e.getMessage());
        } catch (IOException e) {
            malformed.add("无法读取 jar：" + e.getMessage());
        }
        if (!malformed.isEmpty()) {
            return JarInspection.malformed(malformed);
        }
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName");
        String symbolicName = null;
        if (bsn == null || bsn.isBlank()) {
            malformed.add("清单中缺少 Bundle-SymbolicName：不是 OSGi bundle");
        } else {
            String[] parts = bsn.split(";", -1);
            symbolicName = parts[0].trim();
            if (!SYMBOLIC_NAME.matcher(symbolicName).matches()) {
                malformed.add("Bundle-SymbolicName “" + symbolicName + "” 无效（只允许字母、数字、_、.、-）");
            }
            for (int i = 1; i < parts.length; i++) {
                if (!SINGLETON.matcher(parts[i]).matches()) {
                    code.add("Bundle-SymbolicName 带有指令 “" + parts[i].trim() + "”（数据包只能带 singleton:=）");
                }
            }
        }
        String version;
        try {
            version = Version.parseVersion(main.getValue("Bundle-Version")).toString();
        } catch (IllegalArgumentException e) {
            malformed.add("Bundle-Version 无效：" + main.getValue("Bundle-Version"));
            version = null;
        }
        if (!malformed.isEmpty()) {
            return JarInspection.malformed(malformed);
        }
        String declared = main.getValue(ContributionService.JURISDICTION_HEADER);
        declared = declared == null || declared.isBlank() ? null : declared.trim();

        headers(manifest, code);
        entries(names, code);
        List<String> signature = code.isEmpty() ? List.of() : signatures.problems(jar, names);
        return new JarInspection(symbolicName, version, declared, List.of(), List.copyOf(code), signature);
    }

    /** Every central-directory entry by name; duplicates (also differing only in case) and odd names are malformed. */
    private static Map<String, ZipEntry> centralDirectory(ZipFile zip, List<String> names, List<String> malformed) {
        Map<String, ZipEntry> byName = new HashMap<>();
        Set<String> folded = new HashSet<>();
        var all = Collections.list(zip.entries());
        if (all.size() > MAX_ENTRIES) {
            malformed.add("条目过多（" + all.size() + "，最多 " + MAX_ENTRIES + "）");
            return byName;
        }
        for (ZipEntry e : all) {
            String name = e.getName();
            if (!folded.add(name.toLowerCase(Locale.ROOT))) {
                malformed.add("条目重复：" + name);
            }
            if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("//") || name.indexOf('\0') >= 0
                    || ("/" + name + "/").contains("/../") || ("/" + name + "/").contains("/./")) {
                malformed.add("条目名无效：" + name);
            }
            byName.put(name, e);
            names.add(name);
        }
        return byName;
    }

    /**
     * A front-to-back reader sees the local headers; the framework sees the central directory. They must agree
     * entry for entry — same names in the same order, same sizes and CRCs — or something is hidden from one of them.
     */
    private static void compareWithLocalHeaders(Path jar, Map<String, ZipEntry> central, List<String> centralNames,
                                                List<String> malformed) throws IOException {
        List<String> streamed = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            byte[] buf = new byte[16 * 1024];
            for (ZipEntry local = in.getNextEntry(); local != null; local = in.getNextEntry()) {
                streamed.add(local.getName());
                CRC32 crc = new CRC32();
                long size = 0;
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    crc.update(buf, 0, n);
                    size += n;
                    total += n;
                    if (total > MAX_UNCOMPRESSED_BYTES) {
                        malformed.add("解压后超过 " + (MAX_UNCOMPRESSED_BYTES >> 20) + " MB");
                        return;
                    }
                }
                ZipEntry c = central.get(local.getName());
                if (c == null) {
                    malformed.add("条目 " + local.getName() + " 只在本地文件头中出现，中央目录中没有（本地文件头与中央目录不一致）");
                } else if (c.getSize() != size || c.getCrc() != crc.getValue()) {
                    malformed.add("条目 " + local.getName() + " 的内容在本地文件头与中央目录中不一致");
                }
                if (streamed.size() > MAX_ENTRIES) {
                    malformed.add("条目过多");
                    return;
                }
            }
        } catch (ZipException e) {
            malformed.add("本地文件头无法顺序读取：" + e.getMessage());
            return;
        }
        Set<String> seen = new LinkedHashSet<>(streamed);
        for (String name : centralNames) {
            if (!seen.contains(name)) {
                malformed.add("条目 " + name + " 只在中央目录中出现，顺序读取时看不到（隐藏条目）");
            }
        }
        if (malformed.isEmpty() && !streamed.equals(centralNames)) {
            malformed.add("本地文件头与中央目录的条目顺序或数目不一致");
        }
    }

    private static void headers(Manifest manifest, List<String> code) {
        for (Object key : manifest.getMainAttributes().keySet()) {
            String name = key.toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (PLATFORM_CODE_HEADERS.contains(lower)) {
                code.add("清单头 " + name + " 不允许出现在数据贡献包中（平台会执行它列出的数据库变更）");
            } else if (!DATA_HEADERS.contains(lower) && !lower.startsWith(PLATFORM_HEADER_PREFIX)) {
                code.add("清单头 " + name + " 不允许出现在数据贡献包中（它让框架或扩展器加载、连接代码或资源）");
            }
        }
        if (!"2".equals(String.valueOf(manifest.getMainAttributes().getValue("Bundle-ManifestVersion")).trim())) {
            code.add("Bundle-ManifestVersion 必须为 2");
        }
        for (Map.Entry<String, Attributes> section : manifest.getEntries().entrySet()) {
            for (Object key : section.getValue().keySet()) {
                if (!key.toString().toLowerCase(Locale.ROOT).endsWith("-digest")) {
                    code.add("清单中条目 " + section.getKey() + " 带有属性 " + key + "（只允许签名摘要）");
                }
            }
        }
    }

    private static void entries(List<String> names, List<String> code) {
        for (String name : names) {
            if (name.endsWith("/")) {
                if (!name.startsWith("META-INF/") && !name.startsWith(CONTENT)) {
                    code.add("目录 " + name + " 在 META-INF/ 和 " + CONTENT + " 之外");
                }
                continue;
            }
            if (name.startsWith(CONTENT)) {
                if (!name.endsWith(".json") && !TEMPLATE_FILE.matcher(name).matches()) {
                    code.add("条目 " + name + "：" + CONTENT + " 中只能有 JSON 文件和 " + CONTENT + "templates/*.html 文书模板");
                }
            } else if (name.startsWith("META-INF/")) {
                if (!name.equals(JarFile.MANIFEST_NAME) && !SIGNATURE_FILE.matcher(name).matches()
                        && !MAVEN_METADATA.matcher(name).matches()) {
                    code.add("条目 " + name + "：META-INF/ 中只允许清单、签名文件和 Maven 元数据");
                }
            } else {
                code.add("条目 " + name + " 在 META-INF/ 和 " + CONTENT + " 之外（类、嵌入的 jar、Blueprint、OSGI-INF 等）");
            }
        }
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }
}
