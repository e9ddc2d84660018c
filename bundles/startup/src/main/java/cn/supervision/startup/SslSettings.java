package cn.supervision.startup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTPS part of {@code etc/org.ops4j.pax.web.cfg}, read from the file itself: this runs before File Install has handed
 * the file to Configuration Admin, and Pax Web reads the very same keys later.
 */
record SslSettings(boolean secureEnabled, Path keystore, String storeType, String storePassword, String keyPassword, String alias) {
    static final String SECURE_ENABLED = "org.osgi.service.http.secure.enabled";
    static final String KEYSTORE = "org.ops4j.pax.web.ssl.keystore";
    static final String KEYSTORE_TYPE = "org.ops4j.pax.web.ssl.keystore.type";
    static final String KEYSTORE_PASSWORD = "org.ops4j.pax.web.ssl.keystore.password";
    static final String KEY_PASSWORD = "org.ops4j.pax.web.ssl.key.password";
    static final String KEY_ALIAS = "org.ops4j.pax.web.ssl.key.alias";
    static final String DEFAULT_ALIAS = "supervision";

    /** How long a first start waits at most for etc/org.ops4j.pax.web.cfg to stop changing. */
    static final long SETTLE_MILLIS = 3_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    /** Empty when the file is missing or names no keystore (HTTPS off, or configured some other way). */
    static Optional<SslSettings> read(Path cfg, UnaryOperator<String> properties) throws IOException {
        if (!Files.isRegularFile(cfg)) {
            return Optional.empty();
        }
        Optional<SslSettings> once = parse(Files.readAllBytes(cfg), properties);
        if (once.isPresent() && Files.exists(once.get().keystore())) {
            return once; // every start after the first: nothing is written, so nothing to wait for
        }
        byte[] content = settled(cfg);
        return content == null ? Optional.empty() : parse(content, properties);
    }

    private static Optional<SslSettings> parse(byte[] content, UnaryOperator<String> properties) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        String keystore = resolve(p.getProperty(KEYSTORE), properties);
        if (keystore == null || keystore.isBlank()) {
            return Optional.empty();
        }
        String storePassword = resolve(p.getProperty(KEYSTORE_PASSWORD), properties);
        String keyPassword = resolve(p.getProperty(KEY_PASSWORD), properties);
        String alias = resolve(p.getProperty(KEY_ALIAS), properties);
        return Optional.of(new SslSettings(Boolean.parseBoolean(resolve(p.getProperty(SECURE_ENABLED), properties)),
                Path.of(keystore.trim()), blankTo(resolve(p.getProperty(KEYSTORE_TYPE), properties), "PKCS12"),
                storePassword, blankTo(keyPassword, storePassword), blankTo(alias, DEFAULT_ALIAS)));
    }

    /** A key is generated only for HTTPS that is switched on and points at a keystore that does not exist yet. */
    boolean needsKey() {
        return secureEnabled && storePassword != null && !storePassword.isEmpty() && !Files.exists(keystore);
    }

    /**
     * The file's bytes once two reads 50 ms apart agree and are not empty (the last read after {@link #SETTLE_MILLIS});
     * null if it does not exist. At a first start File Install rewrites every etc/*.cfg it hands to Configuration
     * Admin (truncate, then write) on another thread while this bundle starts: a single read can see the file empty or
     * cut short, which would silently skip the key.
     */
    static byte[] settled(Path cfg) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        byte[] last = null;
        while (true) {
            byte[] now;
            try {
                now = Files.readAllBytes(cfg);
            } catch (NoSuchFileException e) {
                return null; // File Install rewrites a file in place, it never removes one
            }
            if ((now.length > 0 && Arrays.equals(now, last)) || System.nanoTime() > deadline) {
                return now;
            }
            last = now;
            try {
                TimeUnit.MILLISECONDS.sleep(50); // File Install writes a few KB: far less than this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
    }

    private static String resolve(String value, UnaryOperator<String> properties) {
        if (value == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(value.trim());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String toString() {
        return "SslSettings[secureEnabled=" + secureEnabled + ", keystore=" + keystore + ", type=" + storeType + ", alias=" + alias + "]";
    }
}
