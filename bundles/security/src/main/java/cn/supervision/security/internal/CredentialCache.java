package cn.supervision.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.LongSupplier;

import cn.supervision.api.security.Caller;

/**
 * Credentials verified recently, so HTTP Basic (credentials on every request) does not cost a PBKDF2 derivation
 * (~100 ms on purpose) per request. The key is a SHA-256 of a random per-process pepper, the username and the
 * password: neither is held in memory, and the key cannot be attacked offline without the pepper. Entries live
 * {@link #TTL_MILLIS}, there are at most {@link #CAPACITY}, and all of them are void once a users file changes
 * (a removed user or a new hash takes effect at once).
 */
final class CredentialCache {
    static final long TTL_MILLIS = 60_000;
    static final int CAPACITY = 4_096;

    private record Verified(Caller caller, long usersStamp) { }

    private final byte[] pepper = new byte[32];
    private final BoundedExpiringMap<ByteBuffer, Verified> verified;

    CredentialCache(LongSupplier clock) {
        new SecureRandom().nextBytes(pepper);
        verified = new BoundedExpiringMap<>(CAPACITY, TTL_MILLIS, clock);
    }

    /** The caller these exact credentials were verified as, if that was recently and the users files are unchanged. */
    Caller get(String username, char[] password, long usersStamp) {
        ByteBuffer key = key(username, password);
        Verified v = verified.get(key);
        if (v == null) {
            return null;
        }
        if (v.usersStamp != usersStamp) {
            verified.clear();
            return null;
        }
        return v.caller;
    }

    void put(String username, char[] password, Caller caller, long usersStamp) {
        verified.put(key(username, password), new Verified(caller, usersStamp));
    }

    /** The cache's key for these credentials: a peppered digest, so it can stand for them in memory. */
    ByteBuffer key(String username, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(pepper);
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            md.update(ByteBuffer.allocate(4).putInt(user.length).array());
            md.update(user);
            byte[] secret = PasswordHash.utf8(password);
            md.update(secret);
            Arrays.fill(secret, (byte) 0);
            return ByteBuffer.wrap(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
