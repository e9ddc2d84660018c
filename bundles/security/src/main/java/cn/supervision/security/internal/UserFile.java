package cn.supervision.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A users file, re-read when it changes on disk, so an operator can add users without a restart. */
final class UserFile {
    private static final Logger LOG = LoggerFactory.getLogger(UserFile.class);
    private static final Map<Path, UserFile> CACHE = new ConcurrentHashMap<>();

    private final Map<String, UserAccount> accounts;
    private final FileTime modified;

    private UserFile(Map<String, UserAccount> accounts, FileTime modified) {
        this.accounts = accounts;
        this.modified = modified;
    }

    /** The accounts of the file, empty when it does not exist. */
    static Map<String, UserAccount> accounts(Path file) {
        FileTime now;
        try {
            now = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            now = null;
        }
        if (now == null) {
            return Map.of();
        }
        final FileTime stamp = now;
        UserFile cached = CACHE.compute(file, (p, old) -> old != null && old.modified.equals(stamp) ? old : load(p, stamp));
        return cached.accounts;
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
