package cn.supervision.startup;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.x500.X500Principal;

/**
 * An X.509 v3 certificate signed by its own EC key (ecdsa-with-SHA256) for a TLS server: subject alternative names and
 * the serverAuth extended key usage, as {@code keytool -genkeypair -ext SAN=... -ext EKU=serverAuth} writes it, built
 * in the JVM. The JDK has no public API that signs a certificate;
 * running keytool meant starting a second JVM on every first start (~1.4 s on two cores, with the framework waiting).
 * The result is read back through the JDK's own {@link CertificateFactory} and verified before anyone uses it.
 */
final class SelfSignedCertificate {
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_IP_ADDRESS = 7;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private SelfSignedCertificate() {
    }

    /**
     * @param dnsNames  host names (valid DNS names, ASCII) the certificate is for
     * @param addresses IP address literals it is for (never looked up)
     */
    static X509Certificate create(KeyPair keys, X500Principal subject, Instant notBefore, Instant notAfter,
                                  List<String> dnsNames, List<String> addresses) throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] name = subject.getEncoded();
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.valueOf(2))), // v3
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)), // positive, never 0
                algorithm,
                name,
                Der.sequence(time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
                Der.explicit(3, Der.sequence(
                        Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octetString(Der.sequence(generalNames(dnsNames, addresses)))),
                        // Apple's clients refuse a TLS server certificate without it, even one the user trusts
                        Der.sequence(Der.oid(EXTENDED_KEY_USAGE), Der.octetString(Der.sequence(Der.oid(SERVER_AUTH)))))));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        cert.verify(keys.getPublic());
        return cert;
    }

    private static byte[] generalNames(List<String> dnsNames, List<String> addresses) {
        List<byte[]> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(Der.ia5(SAN_DNS_NAME, n)));
        for (String a : addresses) {
            try {
                names.add(Der.implicit(SAN_IP_ADDRESS, InetAddress.getByName(a).getAddress()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address literal: " + a, e);
            }
        }
        return Der.concat(names.toArray(new byte[0][]));
    }

    /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds, UTC. */
    static byte[] time(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC).withNano(0);
        return t.getYear() < 2050
                ? Der.element(Der.UTC_TIME, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII))
                : Der.element(Der.GENERALIZED_TIME, GENERALIZED_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }
}
