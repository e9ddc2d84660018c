package cn.supervision.rest.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The node-local files every node of a cluster must hold alike, as fingerprints an operator compares across the nodes'
 * health answers to find a node whose configuration diverged: the platform's account files
 * ({@code supervision-users.properties} and the demo one), its {@code cn.supervision.*.cfg} and the datasource
 * configuration, all in Karaf's {@code etc/}. A file's fingerprint is a SHA-256 over its entries ({@code key=value},
 * sorted, so comments and order do not count) without any whose key names a password; one more over all the files'.
 * Nothing of a file's content is ever shown. Read on each call (only a root office's authenticated health request asks).
 */
final class NodeConfiguration {
    private static final Pattern SHARED = Pattern.compile(
            "cn\\.supervision\\..+\\.cfg|org\\.ops4j\\.datasource-supervision\\.cfg|supervision(-[a-z]+)?-users\\.properties");

    private final Path etc;

    NodeConfiguration(Path etc) {
        this.etc = etc;
    }

    /** Karaf's etc/, or none outside Karaf. */
    static NodeConfiguration ofKaraf() {
        String etc = System.getProperty("karaf.etc");
        return new NodeConfiguration(etc == null ? null : Path.of(etc));
    }

    /** {@code sha256} over all, {@code files}: name → SHA-256 (or why it could not be read); empty outside Karaf. */
    Map<String, Object> fingerprint() {
        if (etc == null) {
            return Map.of();
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(etc)) {
            all.filter(p -> SHARED.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .forEach(p -> files.put(p.getFileName().toString(), fileFingerprint(p)));
        } catch (IOException | RuntimeException e) {
            return Map.of("unreadable", e.getClass().getSimpleName());
        }
        StringBuilder whole = new StringBuilder();
        files.forEach((name, sha) -> whole.append(name).append('\0').append(sha).append('\n'));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sha256", sha256(whole.toString()));
        out.put("files", files);
        return out;
    }

    private static String fileFingerprint(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        }
        StringBuilder entries = new StringBuilder();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!key.toLowerCase(Locale.ROOT).contains("password")) {
                entries.append(key).append('=').append(p.getProperty(key)).append('\n');
            }
        }
        return sha256(entries.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
