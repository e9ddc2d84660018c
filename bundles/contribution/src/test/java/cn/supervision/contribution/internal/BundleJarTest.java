package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import cn.supervision.testing.fakes.FakeBundle;

/** Bundles from the deploy folder or a feature are judged from the entries the framework serves, written back. */
class BundleJarTest {
    @TempDir
    static Path dir;
    static TestJars.Key city;
    static JarInspector inspector;

    @BeforeAll
    static void keys() throws Exception {
        city = TestJars.key(dir, "city");
        inspector = new JarInspector(new TrustStore(Set.of(city.certificate())));
    }

    /** What Felix offers through getEntryPaths/getEntry, over a jar file (folders implied by the names). */
    private static Bundle installed(Path jar) throws Exception {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String n = e.getName();
                names.add(n);
                for (int i = n.indexOf('/'); i >= 0 && i < n.length() - 1; i = n.indexOf('/', i + 1)) {
                    names.add(n.substring(0, i + 1));
                }
            }
        }
        return new FakeBundle() {
            @Override
            public Enumeration<String> getEntryPaths(String path) {
                String folder = path.equals("/") ? "" : path;
                List<String> children = names.stream().filter(n -> n.startsWith(folder) && !n.equals(folder))
                        .filter(n -> n.substring(folder.length()).replaceAll("/$", "").indexOf('/') < 0).toList();
                return children.isEmpty() ? null : Collections.enumeration(children);
            }

            @Override
            public URL getEntry(String path) {
                try {
                    return names.contains(path) ? new URL("jar:" + jar.toUri() + "!/" + path) : null;
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Test
    void aTrustedSignedCodeBundleStaysTrustedWhenWrittenBackFromItsEntries() throws Exception {
        byte[] code = TestJars.jar(Map.of("Bundle-Blueprint", "OSGI-INF/blueprint/rules.xml"),
                Map.of("SUPERVISION-INF/units/a.json", "{}".getBytes(), "OSGI-INF/blueprint/rules.xml", "<blueprint/>".getBytes(),
                        "cn/county/Rule.class", "code".getBytes()));
        Path signed = TestJars.write(dir, "signed.jar", TestJars.sign(dir, code, city));
        JarInspection r = inspector.inspect(BundleJar.write(installed(signed), dir.resolve("back.jar")));
        assertEquals(List.of(), r.malformed());
        assertFalse(r.code().isEmpty());
        assertEquals(List.of(), r.signature());
        assertTrue(r.admissible());

        Path unsigned = TestJars.write(dir, "unsigned.jar", code);
        assertFalse(inspector.inspect(BundleJar.write(installed(unsigned), dir.resolve("back2.jar"))).admissible());
    }

    @Test
    void aDataBundleWrittenBackIsStillDeclarative() throws Exception {
        Path data = TestJars.write(dir, "data.jar", TestJars.jar(Map.of(), TestJars.dataEntries()));
        assertTrue(inspector.inspect(BundleJar.write(installed(data), dir.resolve("back3.jar"))).declarative());
    }
}
