package cn.supervision.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes in the form {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * (Base64). The iteration count is stored with each hash so it can be raised without breaking old ones.
 */
public final class PasswordHash {
    static final String PREFIX = "pbkdf2-sha256";
    static final int DEFAULT_ITERATIONS = 210_000;
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    private static final Map<Integer, String> DUMMIES = new ConcurrentHashMap<>();

    /**
     * A hash of a random secret nobody knows, at the given cost. Checking a password against it for an unknown
     * user costs exactly what checking a real user's does, so the answer time does not tell which names exist.
     */
    static String dummy(int iterations) {
        int cost = iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS ? DEFAULT_ITERATIONS : iterations;
        return DUMMIES.computeIfAbsent(cost, n -> {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            return hash(Base64.getEncoder().encodeToString(secret).toCharArray(), n);
        });
    }

    /** The iteration count of a hash of this format, 0 for anything else. */
    static int iterations(String stored) {
        if (stored == null) {
            return 0;
        }
        String[] parts = stored.trim().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** False for a wrong password and for anything that is not a hash of this format (never a plain-text match). */
    public static boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.trim().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    static byte[] utf8(char[] chars) {
        return new String(chars).getBytes(StandardCharsets.UTF_8);
    }
}
