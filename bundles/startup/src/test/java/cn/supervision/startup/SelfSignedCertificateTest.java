package cn.supervision.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void derEncodesAsX690Says() {
        assertEquals("06082a8648ce3d040302", HEX.formatHex(Der.oid("1.2.840.10045.4.3.2")));
        assertEquals("0603551d11", HEX.formatHex(Der.oid("2.5.29.17")));
        assertEquals("020100", HEX.formatHex(Der.integer(BigInteger.ZERO)));
        assertEquals("02020080", HEX.formatHex(Der.integer(BigInteger.valueOf(128))), "a leading zero keeps it positive");
        assertEquals("03030001ff", HEX.formatHex(Der.bitString(new byte[] {1, (byte) 0xff})));
        assertEquals("3000", HEX.formatHex(Der.sequence()));
        byte[] long200 = Der.octetString(new byte[200]);
        assertEquals("0481c8", HEX.formatHex(long200, 0, 3), "200 bytes: long form, one length byte");
        byte[] long300 = Der.octetString(new byte[300]);
        assertEquals("0482012c", HEX.formatHex(long300, 0, 4), "300 bytes: long form, two length bytes");
        assertEquals(304, long300.length);
    }

    @Test
    void aKeystoreWithOneSelfSignedEcKeyForTheHostAndLoopback() throws Exception {
        Instant now = Instant.parse("2026-12-02T06:00:00.789Z");
        KeyStore ks = load(SelfSignedKeystore.keystore(settings("PKCS12", "web"), "vm.example", now), "PKCS12", "secret");

        assertEquals(List.of("web"), Collections.list(ks.aliases()));
        X509Certificate cert = (X509Certificate) ks.getCertificate("web");
        assertEquals(3, cert.getVersion());
        assertEquals("SHA256withECDSA", cert.getSigAlgName());
        assertEquals("CN=vm.example, O=supervision platform (self-signed)", cert.getSubjectX500Principal().getName(
                X500Principal.RFC1779));
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals(Instant.parse("2026-12-02T06:00:00Z"), cert.getNotBefore().toInstant());
        assertEquals(Duration.ofDays(SelfSignedKeystore.VALIDITY_DAYS),
                Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()));
        assertTrue(cert.getSerialNumber().signum() > 0);
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), cert.getExtendedKeyUsage(), "serverAuth");
        cert.verify(cert.getPublicKey());
        Set<String> names = cert.getSubjectAlternativeNames().stream().map(n -> n.get(0) + "=" + n.get(1))
                .collect(Collectors.toSet());
        assertEquals(Set.of("2=localhost", "2=vm.example", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1"), names);
        assertEquals("EC", ks.getKey("web", "secret".toCharArray()).getAlgorithm());
    }

    @Test
    void twoKeystoresNeverShareAKeyOrASerialNumber() throws Exception {
        Instant now = Instant.now();
        X509Certificate a = (X509Certificate) load(SelfSignedKeystore.keystore(settings("PKCS12", "s"), null, now), "PKCS12", "secret")
                .getCertificate("s");
        X509Certificate b = (X509Certificate) load(SelfSignedKeystore.keystore(settings("PKCS12", "s"), null, now), "PKCS12", "secret")
                .getCertificate("s");
        assertNotEquals(a.getSerialNumber(), b.getSerialNumber());
        assertNotEquals(a.getPublicKey(), b.getPublicKey());
        assertEquals("CN=localhost, O=supervision platform (self-signed)",
                a.getSubjectX500Principal().getName(X500Principal.RFC1779), "no usable host name");
    }

    @Test
    void afterTwoThousandFortyNineValidityIsAGeneralizedTime() throws Exception {
        assertEquals("170d3439313233313233353935395a", HEX.formatHex(SelfSignedCertificate.time(Instant.parse("2049-12-31T23:59:59.5Z"))),
                "UTCTime 491231235959Z, fractions dropped");
        assertEquals("180f32303530303130313030303030305a", HEX.formatHex(SelfSignedCertificate.time(Instant.parse("2050-01-01T00:00:00Z"))),
                "GeneralizedTime 20500101000000Z");
        Instant now = Instant.parse("2049-06-01T00:00:00Z");
        X509Certificate cert = (X509Certificate) load(SelfSignedKeystore.keystore(settings("PKCS12", "s"), null, now), "PKCS12",
                "secret").getCertificate("s");
        assertEquals(now.plus(Duration.ofDays(SelfSignedKeystore.VALIDITY_DAYS)), cert.getNotAfter().toInstant());
    }

    @Test
    void aJksStoreKeepsItsOwnKeyPassword() throws Exception {
        SslSettings jks = new SslSettings(true, Path.of("k.jks"), "JKS", "store-secret", "key-secret", "web");
        KeyStore ks = load(SelfSignedKeystore.keystore(jks, null, Instant.now()), "JKS", "store-secret");
        assertEquals("EC", ks.getKey("web", "key-secret".toCharArray()).getAlgorithm());
    }

    @Test
    void aTlsClientVerifyingHostNamesAcceptsItForLocalhostAndLoopbackOnly() throws Exception {
        KeyStore server = load(SelfSignedKeystore.keystore(settings("PKCS12", "web"), null, Instant.now()), "PKCS12", "secret");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(server, "secret".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", server.getCertificate("web"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            for (String name : List.of("localhost", "127.0.0.1")) {
                CompletableFuture<Void> served = serveOnce(listener);
                assertEquals(42, exchange(clientContext, listener.getLocalPort(), name), name);
                served.get(10, TimeUnit.SECONDS);
            }
            CompletableFuture<Void> refused = serveOnce(listener);
            assertThrows(SSLHandshakeException.class, () -> exchange(clientContext, listener.getLocalPort(), "elsewhere.example"),
                    "a name the certificate is not for");
            refused.get(10, TimeUnit.SECONDS);
        }
    }

    /** Answers one byte with its successor; a client that gives up during the handshake ends it quietly. */
    private static CompletableFuture<Void> serveOnce(SSLServerSocket listener) {
        return CompletableFuture.runAsync(() -> {
            try (SSLSocket s = (SSLSocket) listener.accept()) {
                int b = s.getInputStream().read();
                s.getOutputStream().write(b + 1);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the refused handshake
            }
        });
    }

    /** Sends 41 over TLS to the loopback port, checking the certificate the way HTTPS clients do for {@code name}. */
    private static int exchange(SSLContext context, int port, String name) throws IOException {
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port);
             SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket(raw, name, port, true)) {
            SSLParameters p = client.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            client.setSSLParameters(p);
            OutputStream out = client.getOutputStream();
            out.write(41);
            out.flush();
            return client.getInputStream().read();
        }
    }

    private static SslSettings settings(String type, String alias) {
        return new SslSettings(true, Path.of("keystore.p12"), type, "secret", "secret", alias);
    }

    private static KeyStore load(byte[] bytes, String type, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(new ByteArrayInputStream(bytes), password.toCharArray());
        return ks;
    }
}
