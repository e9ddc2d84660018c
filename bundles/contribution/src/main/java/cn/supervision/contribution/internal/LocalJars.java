package cn.supervision.contribution.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which uploaded jar (by SHA-256) this node's framework holds under each symbolic name. Kept in the extender's data
 * area of the bundle cache, next to the bundles themselves, so that it is lost exactly when they are.
 */
final class LocalJars {
    private static final Logger LOG = LoggerFactory.getLogger(LocalJars.class);

    private final File file;
    private final Properties shas = new Properties();

    /** @param file null: kept in memory only */
    LocalJars(File file) {
        this.file = file;
        if (file != null && file.isFile()) {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                shas.load(in);
            } catch (IOException e) {
                LOG.warn("Could not read {}: every uploaded jar is compared again", file, e);
            }
        }
    }

    synchronized String sha(String bsn) {
        return shas.getProperty(bsn);
    }

    /** Answers the SHA-256 held before. */
    synchronized String put(String bsn, String sha256) {
        String before = (String) shas.setProperty(bsn, sha256);
        save();
        return before;
    }

    synchronized void restore(String bsn, String before) {
        if (before == null) {
            shas.remove(bsn);
        } else {
            shas.setProperty(bsn, before);
        }
        save();
    }

    synchronized void remove(String bsn) {
        if (shas.remove(bsn) != null) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            File tmp = new File(file.getPath() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp.toPath())) {
                shas.store(out, "uploaded contribution jars in this node's framework: symbolic name = SHA-256");
            }
            Files.move(tmp.toPath(), file.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}", file, e.toString());
        }
    }
}
