package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.supervision.contribution.internal.TestJars.Raw;

class JarInspectorTest {
    @TempDir
    static Path dir;
    static TestJars.Key city;
    static TestJars.Key stranger;
    static JarInspector inspector;

    @BeforeAll
    static void keys() throws Exception {
        city = TestJars.key(dir, "city-signing");
        stranger = TestJars.key(dir, "stranger");
        inspector = new JarInspector(new TrustStore(Set.of(city.certificate())));
    }

    private static JarInspection inspect(byte[] jar) throws Exception {
        return inspector.inspect(TestJars.write(dir, "t" + System.nanoTime() + ".jar", jar));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> with(String name, String content) {
        Map<String, byte[]> e = new LinkedHashMap<>(TestJars.dataEntries());
        e.put(name, b(content));
        return e;
    }

    /** Code that stands for an activator: only the headers and entries matter to the inspector. */
    private static byte[] codeJar() throws Exception {
        return TestJars.jar(Map.of("Bundle-Activator", "cn.evil.Activator", "Import-Package", "org.osgi.framework"),
                with("cn/evil/Activator.class", "\u00ca\u00fe\u00ba\u00be"));
    }

    @Test
    void aDataBundleIsDeclarative() throws Exception {
        JarInspection r = inspect(TestJars.jar(Map.of("Bundle-Name", "利津县", "Created-By", "Apache Maven Bundle Plugin",
                "Bnd-LastModified", "1", "Tool", "Bnd", "Build-Jdk-Spec", "17", "Supervision-Note", "ok"), TestJars.dataEntries()));
        assertEquals(List.of(), r.malformed());
        assertEquals(List.of(), r.code());
        assertTrue(r.declarative() && r.admissible());
        assertEquals("cn.supervision.county.test", r.symbolicName());
        assertEquals("1.0.0", r.version());
        assertEquals("370522", r.jurisdiction());
    }

    @Test
    void documentTemplatesAreDeclarativeContentButOnlyAsFlatHtmlFilesUnderTemplates() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(TestJars.dataEntries());
        entries.put("SUPERVISION-INF/templates/office.json", b("{\"issuingOffice\":\"利津县机构编制委员会办公室\",\"numberPrefix\":\"利编办发\"}"));
        entries.put("SUPERVISION-INF/templates/rectification-notice.html", b("<html><body/></html>"));
        JarInspection r = inspect(TestJars.jar(Map.of(), entries));
        assertEquals(List.of(), r.code());
        assertTrue(r.declarative());
        for (String name : List.of("SUPERVISION-INF/templates/sub/rectification-notice.html", "SUPERVISION-INF/templates/x.class",
                "SUPERVISION-INF/notice.html", "SUPERVISION-INF/templates/Notice.HTML")) {
            JarInspection bad = inspect(TestJars.jar(Map.of(), with(name, "<html/>")));
            assertFalse(bad.declarative(), name);
            assertTrue(bad.code().stream().anyMatch(c -> c.contains(name)), bad.code().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bundle-Activator", "Bundle-Blueprint", "Service-Component", "Bundle-ClassPath", "Fragment-Host",
            "DynamicImport-Package", "Import-Package", "Require-Capability", "Provide-Capability", "Export-Package",
            "Require-Bundle", "Bundle-NativeCode", "Bundle-ActivationPolicy", "Bundle-Localization", "Meta-Persistence",
            "Web-ContextPath", "Karaf-Commands", "Export-Service", "Include-Resource", "X-Unknown-Extender",
            "Supervision-Changelogs"})
    void everyHeaderOutsideTheAllowListMakesItCode(String header) throws Exception {
        JarInspection r = inspect(TestJars.jar(Map.of(header, "x"), TestJars.dataEntries()));
        assertTrue(r.wellFormed(), r.malformed().toString());
        assertFalse(r.declarative());
        assertTrue(r.code().stream().anyMatch(c -> c.contains(header)), r.code().toString());
        assertFalse(r.admissible(), "unsigned");
    }

    @Test
    void symbolicNameDirectivesOtherThanSingletonMakeItCode() throws Exception {
        assertTrue(inspect(TestJars.jar(Map.of("Bundle-SymbolicName", "cn.supervision.county.test;singleton:=true"),
                TestJars.dataEntries())).declarative());
        JarInspection r = inspect(TestJars.jar(Map.of("Bundle-SymbolicName", "cn.supervision.county.test;fragment-attachment:=always"),
                TestJars.dataEntries()));
        assertFalse(r.declarative());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn/evil/Activator.class", "lib/code.jar", "OSGI-INF/blueprint/rules.xml", "OSGI-INF/component.xml",
            "META-INF/services/javax.script.ScriptEngineFactory", "META-INF/spring/context.xml", "META-INF/persistence.xml",
            "SUPERVISION-INF/rules.xml", "SUPERVISION-INF/run.sh", "WEB-INF/web.xml", "notes.txt"})
    void everyEntryOutsideTheAllowedFoldersMakesItCode(String entry) throws Exception {
        JarInspection r = inspect(TestJars.jar(Map.of(), with(entry, "x")));
        assertTrue(r.wellFormed(), r.malformed().toString());
        assertTrue(r.code().stream().anyMatch(c -> c.contains(entry)), r.code().toString());
    }

    @Test
    void anEntryHiddenFromAStreamReaderIsRefusedThoughAStreamReaderSeesADataBundle() throws Exception {
        List<Raw> raws = new ArrayList<>();
        raws.add(Raw.of("META-INF/MANIFEST.MF", TestJars.manifest(Map.of())));
        raws.add(Raw.of("SUPERVISION-INF/units/a.json", b("{}")));
        raws.add(new Raw("cn/evil/Activator.class", b("code"), null, true));
        byte[] jar = TestJars.zip(raws);
        // what the old check read: a front-to-back stream sees nothing but data
        List<String> streamed = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                streamed.add(e.getName());
            }
        }
        assertEquals(List.of("META-INF/MANIFEST.MF", "SUPERVISION-INF/units/a.json"), streamed);
        JarInspection r = inspect(jar);
        assertFalse(r.wellFormed());
        assertFalse(r.admissible());
        assertTrue(r.malformed().stream().anyMatch(m -> m.contains("cn/evil/Activator.class") && m.contains("隐藏")), r.malformed().toString());
    }

    @Test
    void localHeadersThatNameOtherEntriesThanTheCentralDirectoryAreRefused() throws Exception {
        List<Raw> raws = new ArrayList<>();
        raws.add(Raw.of("META-INF/MANIFEST.MF", TestJars.manifest(Map.of())));
        raws.add(new Raw("cn/evil/Activator.class", b("code"), "SUPERVISION-INF/units/a.json", false));
        JarInspection r = inspect(TestJars.zip(raws));
        assertFalse(r.wellFormed());
        assertTrue(r.malformed().stream().anyMatch(m -> m.contains("不一致") || m.contains("隐藏")), r.malformed().toString());
    }

    @Test
    void duplicateEntriesAreRefusedAlsoWhenTheyDifferOnlyInCase() throws Exception {
        List<Raw> twice = new ArrayList<>();
        twice.add(Raw.of("META-INF/MANIFEST.MF", TestJars.manifest(Map.of())));
        twice.add(Raw.of("SUPERVISION-INF/units/a.json", b("{}")));
        twice.add(Raw.of("SUPERVISION-INF/units/a.json", b("{\"other\":1}")));
        assertTrue(inspect(TestJars.zip(twice)).malformed().stream().anyMatch(m -> m.contains("重复")));

        List<Raw> cased = new ArrayList<>();
        cased.add(Raw.of("META-INF/MANIFEST.MF", TestJars.manifest(Map.of())));
        cased.add(Raw.of("meta-inf/manifest.mf", TestJars.manifest(Map.of("Bundle-Activator", "cn.evil.A"))));
        assertTrue(inspect(TestJars.zip(cased)).malformed().stream().anyMatch(m -> m.contains("重复")));
    }

    @Test
    void pathTraversalAndNonJarsAreMalformed() throws Exception {
        assertFalse(inspect(TestJars.jar(Map.of(), with("SUPERVISION-INF/../../x.json", "{}"))).wellFormed());
        assertFalse(inspect(b("not a jar")).wellFormed());
        assertFalse(inspect(TestJars.zip(List.of(Raw.of("SUPERVISION-INF/a.json", b("{}"))))).wellFormed(), "no manifest");
        assertFalse(inspect(TestJars.jar(Map.of("Bundle-SymbolicName", "bad name!"), TestJars.dataEntries())).wellFormed());
    }

    @Test
    void codeSignedByATrustedCertificateIsAdmissible() throws Exception {
        JarInspection r = inspect(TestJars.sign(dir, codeJar(), city));
        assertTrue(r.wellFormed(), r.malformed().toString());
        assertFalse(r.declarative());
        assertEquals(List.of(), r.signature());
        assertTrue(r.trustedCode() && r.admissible());
    }

    @Test
    void unsignedCodeIsNotAdmissible() throws Exception {
        JarInspection r = inspect(codeJar());
        assertFalse(r.admissible());
        assertTrue(r.signature().stream().anyMatch(s -> s.contains("未签名")), r.signature().toString());
    }

    @Test
    void codeSignedByAnUntrustedKeyIsNotAdmissible() throws Exception {
        JarInspection r = inspect(TestJars.sign(dir, codeJar(), stranger));
        assertFalse(r.admissible());
        assertTrue(r.signature().stream().anyMatch(s -> s.contains("不在可信证书中") && s.contains("stranger")), r.signature().toString());
    }

    @Test
    void anEntryAddedToATrustedSignedJarIsNotAdmissible() throws Exception {
        byte[] signed = TestJars.sign(dir, codeJar(), city);
        List<Raw> raws = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(TestJars.write(dir, "s.jar", signed).toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                raws.add(Raw.of(e.getName(), zip.getInputStream(e).readAllBytes()));
            }
        }
        raws.add(Raw.of("cn/evil/Extra.class", b("more code")));
        JarInspection r = inspect(TestJars.zip(raws));
        assertFalse(r.admissible());
        assertTrue(r.signature().stream().anyMatch(s -> s.contains("cn/evil/Extra.class")), r.signature().toString());
    }

    @Test
    void aTamperedEntryOfATrustedSignedJarIsNotAdmissible() throws Exception {
        byte[] signed = TestJars.sign(dir, codeJar(), city);
        List<Raw> raws = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(TestJars.write(dir, "s2.jar", signed).toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] data = zip.getInputStream(e).readAllBytes();
                raws.add(Raw.of(e.getName(), e.getName().endsWith(".class") ? b("swapped code") : data));
            }
        }
        JarInspection r = inspect(TestJars.zip(raws));
        assertFalse(r.admissible());
        assertFalse(r.signature().isEmpty());
    }

    @Test
    void withoutATrustStoreNoCodeIsAdmissibleButDataStillIs() throws Exception {
        JarInspector none = new JarInspector(TrustStore.empty());
        JarInspection code = none.inspect(TestJars.write(dir, "c.jar", TestJars.sign(dir, codeJar(), city)));
        assertFalse(code.admissible());
        assertTrue(code.signature().get(0).contains("trust.certificates"), code.signature().toString());
        assertTrue(none.inspect(TestJars.write(dir, "d.jar", TestJars.jar(Map.of(), TestJars.dataEntries()))).admissible());
    }

    @Test
    void aSignedDataBundleStaysDeclarative() throws Exception {
        JarInspection r = inspect(TestJars.sign(dir, TestJars.jar(Map.of(), TestJars.dataEntries()), stranger));
        assertTrue(r.declarative(), r.code().toString());
    }
}
