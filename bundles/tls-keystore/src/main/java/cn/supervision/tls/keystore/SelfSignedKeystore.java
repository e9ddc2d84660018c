package cn.supervision.tls.keystore;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Generates a self-signed key pair and certificate with the JDK's own {@code keytool} (the JDK has no public API to sign a
 * certificate, and the distribution carries no crypto library). The keystore is written next to its final place and moved
 * there in one step, readable by the owner only, so Pax Web never sees a half-written file.
 */
final class SelfSignedKeystore {
    /** ECDSA P-256: the cheapest handshake every current TLS client accepts. */
    static final String KEY_ALGORITHM = "EC";
    static final String CURVE = "secp256r1";
    static final int VALIDITY_DAYS = 825;
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*");
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private final Path keytool;

    SelfSignedKeystore(Path javaHome) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        this.keytool = javaHome.resolve("bin").resolve(windows ? "keytool.exe" : "keytool");
    }

    /** Writes the keystore the settings name; the certificate is valid for localhost, 127.0.0.1, ::1 and this host's name. */
    void generate(SslSettings settings) throws IOException, InterruptedException {
        Path target = settings.keystore().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), ".keystore-");
        try {
            Path fresh = work.resolve("keystore");
            run(command(settings, fresh), settings);
            ownerOnly(fresh);
            try {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(fresh, target);
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

    private List<String> command(SslSettings settings, Path fresh) {
        String host = hostName();
        StringBuilder san = new StringBuilder("SAN=dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1");
        if (host != null && !host.equalsIgnoreCase("localhost")) {
            san.append(",dns:").append(host);
        }
        List<String> cmd = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-keystore", fresh.toString(), "-storetype", settings.storeType(),
                // passwords through the environment, not the command line other users can read in ps
                "-storepass:env", "SUPERVISION_STOREPASS", "-keypass:env", "SUPERVISION_KEYPASS",
                "-alias", settings.alias(), "-keyalg", KEY_ALGORITHM, "-groupname", CURVE, "-sigalg", "SHA256withECDSA",
                "-validity", String.valueOf(VALIDITY_DAYS),
                "-dname", "CN=" + (host == null ? "localhost" : host) + ", O=supervision platform (self-signed)",
                "-ext", san.toString()));
        return cmd;
    }

    private void run(List<String> cmd, SslSettings settings) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SUPERVISION_STOREPASS", settings.storePassword());
        // a PKCS12 store has one password for the store and its keys
        pb.environment().put("SUPERVISION_KEYPASS", "PKCS12".equalsIgnoreCase(settings.storeType())
                ? settings.storePassword() : settings.keyPassword());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool failed (" + p.exitValue() + "): " + new String(out, StandardCharsets.UTF_8).trim());
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's ACL applies
        }
    }

    /** This machine's name when it is a valid DNS name (keytool refuses others), else null. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name != null && DNS_NAME.matcher(name).matches() ? name : null;
        } catch (IOException e) {
            return null;
        }
    }
}
