package cn.supervision.startup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

/**
 * Generates a self-signed key pair and certificate ({@link SelfSignedCertificate}) into the keystore the settings name.
 * The keystore is written next to its final place and linked there in one step, readable by the owner only, so Pax
 * Web never sees a half-written file.
 */
final class SelfSignedKeystore {
    /** ECDSA P-256: the cheapest handshake every current TLS client accepts. */
    static final String KEY_ALGORITHM = "EC";
    static final String CURVE = "secp256r1";
    static final int VALIDITY_DAYS = 825;
    static final String ORGANIZATION = "supervision platform (self-signed)";
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*");

    /** Writes the keystore the settings name; the certificate is valid for localhost, 127.0.0.1, ::1 and this host's name. */
    void generate(SslSettings settings) throws IOException, GeneralSecurityException {
        Path target = settings.keystore().toAbsolutePath();
        Files.createDirectories(target.getParent());
        byte[] keystore = keystore(settings, hostName(), Instant.now());
        Path work = Files.createTempDirectory(target.getParent(), ".keystore-");
        try {
            Path fresh = work.resolve("keystore");
            Files.write(fresh, keystore);
            ownerOnly(fresh);
            try {
                // a new name for the complete file, refused if the target exists: a keystore an operator put there
                // meanwhile is kept (a rename would replace it)
                Files.createLink(target, fresh);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw new FileAlreadyExistsException(target.toString(), null, "a keystore appeared there meanwhile: kept");
                }
                Files.move(fresh, target); // no hard links here: a move that refuses an existing target
            }
        } finally {
            try (var leftovers = Files.list(work)) {
                for (Path p : (Iterable<Path>) leftovers::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** The keystore's bytes: one key entry under the settings' alias, its certificate for {@code host} (may be null). */
    static byte[] keystore(SslSettings settings, String host, Instant now) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
        generator.initialize(new ECGenParameterSpec(CURVE));
        KeyPair keys = generator.generateKeyPair();
        List<String> dnsNames = new ArrayList<>(List.of("localhost"));
        if (host != null && !host.equalsIgnoreCase("localhost")) {
            dnsNames.add(host);
        }
        X500Principal subject = new X500Principal("CN=" + (host == null ? "localhost" : host) + ", O=" + ORGANIZATION);
        Certificate cert = SelfSignedCertificate.create(keys, subject, now, now.plus(Duration.ofDays(VALIDITY_DAYS)),
                dnsNames, List.of("127.0.0.1", "0:0:0:0:0:0:0:1"));
        KeyStore ks = KeyStore.getInstance(settings.storeType());
        ks.load(null, null);
        // a PKCS12 store has one password for the store and its keys
        String keyPassword = "PKCS12".equalsIgnoreCase(settings.storeType()) ? settings.storePassword() : settings.keyPassword();
        ks.setKeyEntry(settings.alias(), keys.getPrivate(), keyPassword.toCharArray(), new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream o = out) {
            ks.store(o, settings.storePassword().toCharArray());
        }
        return out.toByteArray();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's ACL applies
        }
    }

    /** This machine's name when it is a valid DNS name (as keytool required), else null. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name != null && DNS_NAME.matcher(name).matches() ? name : null;
        } catch (IOException e) {
            return null;
        }
    }
}
