package cn.supervision.contribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.Bundle;

/**
 * An installed bundle's entries, as the framework serves them, written back into a jar so that {@link JarInspector}
 * can judge a bundle that arrived by the deploy folder or a feature exactly like an upload. Uses
 * {@link Bundle#getEntryPaths}/{@link Bundle#getEntry}, which never resolve the bundle (findEntries would).
 * The manifest's bytes are copied unchanged, so jar signatures still verify.
 */
final class BundleJar {
    private BundleJar() {
    }

    static Path write(Bundle bundle, Path file) throws IOException {
        List<String> paths = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>(List.of("/"));
        while (!folders.isEmpty()) {
            Enumeration<String> children = bundle.getEntryPaths(folders.pop());
            while (children != null && children.hasMoreElements()) {
                String p = children.nextElement();
                if (p.startsWith("/")) {
                    p = p.substring(1);
                }
                paths.add(p);
                if (p.endsWith("/")) {
                    folders.push(p);
                }
                if (paths.size() > JarInspector.MAX_ENTRIES) {
                    break;
                }
            }
        }
        paths.remove(JarFile.MANIFEST_NAME);
        paths.add(0, JarFile.MANIFEST_NAME);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            // read back once and deleted, at every boot (the city's 2.2 MB of lists): the fastest level, still compressed so
            // that a highly compressible bundle in deploy/ does not fill the temporary directory before it is judged
            zip.setLevel(Deflater.BEST_SPEED);
            for (String p : paths) {
                URL url = bundle.getEntry(p);
                if (url == null && !p.endsWith("/")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(p));
                if (!p.endsWith("/")) {
                    try (InputStream in = url.openStream()) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        return file;
    }
}
