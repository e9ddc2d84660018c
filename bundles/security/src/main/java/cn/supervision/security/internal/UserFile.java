package cn.supervision.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A users file, re-read when it changes on disk, so an operator can add users without a restart. */
final class UserFile {
    private static final Logger LOG = LoggerFactory.getLogger(UserFile.class);
    private static final Map<Path, UserFile> CACHE = new ConcurrentHashMap<>();
    /** Every file the realm has asked for, present or not: a file appearing later changes {@link #stamp()} too. */
    private static final Set<Path> KNOWN = ConcurrentHashMap.newKeySet();

    private final Map<String, UserAccount> accounts;
    private final FileTime modified;
    private final int iterations;

    private UserFile(Map<String, UserAccount> accounts, FileTime modified) {
        this.accounts = accounts;
        this.modified = modified;
        this.iterations = typicalIterations(accounts);
    }

    /** The accounts of the file, empty when it does not exist. */
    static Map<String, UserAccount> accounts(Path file) {
        UserFile f = current(file);
        return f == null ? Map.of() : f.accounts;
    }

    /** The PBKDF2 cost most of the file's hashes have (0 for no file): what a login of an unknown user must cost too. */
    static int iterations(Path file) {
        UserFile f = current(file);
        return f == null ? 0 : f.iterations;
    }

    /**
     * A value that changes whenever any users file the realm has read changes on disk (time or size), appears or
     * disappears; one file-system stat per file, cheap enough to ask on every request.
     */
    static long stamp() {
        long h = 17;
        for (Path p : KNOWN) {
            long v;
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                v = a.lastModifiedTime().toMillis() * 31 + a.size();
            } catch (IOException e) {
                v = -1;
            }
            h = h * 1_000_003 + p.hashCode() * 31L + v;
        }
        return h;
    }

    private static UserFile current(Path file) {
        KNOWN.add(file);
        FileTime now;
        try {
            now = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            now = null;
        }
        if (now == null) {
            return null;
        }
        final FileTime stamp = now;
        return CACHE.compute(file, (p, old) -> old != null && old.modified.equals(stamp) ? old : load(p, stamp));
    }

    private static int typicalIterations(Map<String, UserAccount> accounts) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (UserAccount a : accounts.values()) {
            int n = PasswordHash.iterations(a.passwordHash());
            if (n > 0) {
                counts.merge(n, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(0);
    }

    private static UserFile load(Path file, FileTime stamp) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            LOG.error("Cannot read users file {}: {}", file, e.getMessage());
            return new UserFile(Map.of(), stamp);
        }
        Map<String, UserAccount> accounts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : p.stringPropertyNames()) {
            UserAccount a = UserAccount.parse(name.trim(), p.getProperty(name), problems);
            if (a != null) {
                accounts.put(a.username(), a);
            }
        }
        problems.forEach(msg -> LOG.warn("{}: {} — this user cannot log in", file, msg));
        LOG.info("Loaded {} user(s) from {}", accounts.size(), file);
        return new UserFile(Collections.unmodifiableMap(accounts), stamp);
    }
}
