package cn.supervision.startup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkEvent;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedKeystoreTest {
    @TempDir
    Path etc;

    private SslSettings settings(String... lines) throws Exception {
        Path cfg = etc.resolve(Activator.PAX_WEB_CFG);
        Files.writeString(cfg, String.join("\n", lines), StandardCharsets.ISO_8859_1);
        Map<String, String> karaf = Map.of("karaf.etc", etc.toString());
        return SslSettings.read(cfg, karaf::get).orElseThrow();
    }

    @Test
    void readsPaxWebKeysWithKarafPlaceholders() throws Exception {
        SslSettings s = settings("org.osgi.service.http.secure.enabled = true",
                "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/keystore.p12",
                "org.ops4j.pax.web.ssl.keystore.password = secret");
        assertEquals(etc.resolve("keystore.p12"), s.keystore());
        assertEquals("PKCS12", s.storeType());
        assertEquals("secret", s.keyPassword(), "the key password defaults to the store's");
        assertEquals(SslSettings.DEFAULT_ALIAS, s.alias());
        assertTrue(s.needsKey());
    }

    @Test
    void noKeyWhenHttpsIsOffOrTheKeystoreExists() throws Exception {
        assertFalse(settings("org.osgi.service.http.secure.enabled = false", "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/k.p12",
                "org.ops4j.pax.web.ssl.keystore.password = secret").needsKey());
        Files.writeString(etc.resolve("mine.p12"), "a CA-issued keystore");
        assertFalse(settings("org.osgi.service.http.secure.enabled = true", "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/mine.p12",
                "org.ops4j.pax.web.ssl.keystore.password = secret").needsKey());
        assertTrue(SslSettings.read(etc.resolve("missing.cfg"), k -> null).isEmpty());
    }

    @Test
    void generatesAnOwnerOnlyPkcs12KeyForLocalhost() throws Exception {
        SslSettings s = settings("org.osgi.service.http.secure.enabled = true", "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/tls/keystore.p12",
                "org.ops4j.pax.web.ssl.keystore.password = store-secret", "org.ops4j.pax.web.ssl.key.alias = web");
        new SelfSignedKeystore().generate(s);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(s.keystore())) {
            ks.load(in, "store-secret".toCharArray());
        }
        assertTrue(ks.isKeyEntry("web"));
        assertEquals("EC", ks.getKey("web", "store-secret".toCharArray()).getAlgorithm());
        X509Certificate cert = (X509Certificate) ks.getCertificate("web");
        cert.checkValidity();
        cert.verify(cert.getPublicKey());
        List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).collect(Collectors.toList());
        assertTrue(names.contains("localhost") && names.contains("127.0.0.1"), names.toString());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(s.keystore()));
        try (Stream<Path> left = Files.list(s.keystore().getParent())) {
            assertEquals(List.of(s.keystore()), left.collect(Collectors.toList()), "no temporary file is left behind");
        }
        assertFalse(s.needsKey(), "the next start keeps the key");
    }

    @Test
    void anExistingKeystoreIsNeverReplaced() throws Exception {
        byte[] mine = "a CA-issued keystore".getBytes(StandardCharsets.UTF_8);
        Files.write(etc.resolve("keystore.p12"), mine);
        Path cfg = etc.resolve(Activator.PAX_WEB_CFG);
        Files.writeString(cfg, "org.osgi.service.http.secure.enabled = true\norg.ops4j.pax.web.ssl.keystore = ${karaf.etc}/keystore.p12\n"
                + "org.ops4j.pax.web.ssl.keystore.password = secret\n");
        new Activator().start(new KarafEtcContext(etc).context());
        assertArrayEquals(mine, Files.readAllBytes(etc.resolve("keystore.p12")));
    }

    @Test
    void theActivatorGeneratesAtFirstStart() throws Exception {
        Files.writeString(etc.resolve(Activator.PAX_WEB_CFG), "org.osgi.service.http.secure.enabled = true\n"
                + "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/keystore.p12\norg.ops4j.pax.web.ssl.keystore.password = secret\n");
        new Activator().start(new KarafEtcContext(etc).context());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(etc.resolve("keystore.p12"))) {
            ks.load(in, "secret".toCharArray());
        }
        assertTrue(ks.isKeyEntry(SslSettings.DEFAULT_ALIAS));
    }

    @Test
    void theReportWaitsUntilTheFrameworkHasClimbedPastThisBundle() {
        KarafEtcContext climbing = new KarafEtcContext(etc, 14);
        List<String> reported = new ArrayList<>();
        new Activator().afterStartup(climbing.context(), () -> reported.add("warned"));
        assertEquals(List.of(), reported, "logging is not configured yet while the framework starts level 14");
        assertEquals(1, climbing.listeners.size());
        climbing.fire(FrameworkEvent.PACKAGES_REFRESHED);
        assertEquals(List.of(), reported);
        climbing.fire(FrameworkEvent.STARTLEVEL_CHANGED); // Karaf: 1 -> 100 in one step once its lock is taken
        assertEquals(List.of("warned"), reported);
        assertEquals(List.of(), climbing.listeners, "told once");
        climbing.fire(FrameworkEvent.STARTED);
        assertEquals(List.of("warned"), reported);

        new Activator().afterStartup(new KarafEtcContext(etc, 100).context(), () -> reported.add("now"));
        assertEquals(List.of("warned", "now"), reported, "started by hand in a running framework: at once");
    }

    @Test
    void aBundleStoppedBeforeTheLevelIsReachedStillReports() {
        KarafEtcContext climbing = new KarafEtcContext(etc, 14);
        List<String> reported = new ArrayList<>();
        Activator activator = new Activator();
        activator.afterStartup(climbing.context(), () -> reported.add("warned"));
        activator.stop(climbing.context()); // a refresh during the first start: the framework drops the listener
        assertEquals(List.of("warned"), reported);
        climbing.fire(FrameworkEvent.STARTLEVEL_CHANGED);
        activator.stop(climbing.context());
        assertEquals(List.of("warned"), reported, "once");
    }

    @Test
    void aConfigurationBeingRewrittenIsReadOnceItIsWhole() throws Exception {
        Path cfg = etc.resolve(Activator.PAX_WEB_CFG);
        String whole = "org.osgi.service.http.secure.enabled = true\norg.ops4j.pax.web.ssl.keystore = ${karaf.etc}/keystore.p12\n"
                + "org.ops4j.pax.web.ssl.keystore.password = secret\n";
        Files.writeString(cfg, "", StandardCharsets.ISO_8859_1); // File Install has truncated it and not written yet
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(300); // the rewrite lands while the reader waits
                Files.writeString(cfg, whole, StandardCharsets.ISO_8859_1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, String> karaf = Map.of("karaf.etc", etc.toString());
        SslSettings s = SslSettings.read(cfg, karaf::get).orElseThrow(() -> new AssertionError("read the empty file"));
        writer.get(5, TimeUnit.SECONDS);
        assertTrue(s.needsKey());
        assertEquals("secret", s.storePassword());
        assertTrue(SslSettings.read(etc.resolve("missing.cfg"), k -> null).isEmpty(), "a missing file at once");
    }

    @Test
    void aKeystorePutInPlaceWhileTheKeyIsMadeIsKept() throws Exception {
        SslSettings s = settings("org.osgi.service.http.secure.enabled = true", "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/keystore.p12",
                "org.ops4j.pax.web.ssl.keystore.password = secret");
        assertTrue(s.needsKey());
        byte[] mine = "a CA-issued keystore".getBytes(StandardCharsets.UTF_8);
        Files.write(s.keystore(), mine); // after the check, before the key is in place
        assertThrows(FileAlreadyExistsException.class, () -> new SelfSignedKeystore().generate(s));
        assertArrayEquals(mine, Files.readAllBytes(s.keystore()));
        try (Stream<Path> left = Files.list(etc)) {
            assertEquals(List.of("keystore.p12", Activator.PAX_WEB_CFG),
                    left.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()), "no temporary file left");
        }
    }
}
