package cn.supervision.tls.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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
        new SelfSignedKeystore(Path.of(System.getProperty("java.home"))).generate(s);

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
        new Activator().start(new KarafEtcContext(etc).proxy());
        assertArrayEquals(mine, Files.readAllBytes(etc.resolve("keystore.p12")));
    }

    @Test
    void theActivatorGeneratesAtFirstStart() throws Exception {
        Files.writeString(etc.resolve(Activator.PAX_WEB_CFG), "org.osgi.service.http.secure.enabled = true\n"
                + "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/keystore.p12\norg.ops4j.pax.web.ssl.keystore.password = secret\n");
        new Activator().start(new KarafEtcContext(etc).proxy());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(etc.resolve("keystore.p12"))) {
            ks.load(in, "secret".toCharArray());
        }
        assertTrue(ks.isKeyEntry(SslSettings.DEFAULT_ALIAS));
    }

    /** A BundleContext that knows only karaf.etc: all the activator asks of the framework. */
    private record KarafEtcContext(Path etc) {
        org.osgi.framework.BundleContext proxy() {
            return (org.osgi.framework.BundleContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {org.osgi.framework.BundleContext.class}, (p, method, args) -> {
                        if (method.getName().equals("getProperty")) {
                            return "karaf.etc".equals(args[0]) ? etc.toString() : System.getProperty((String) args[0]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
