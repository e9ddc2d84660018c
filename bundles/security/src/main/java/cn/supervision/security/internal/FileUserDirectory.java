package cn.supervision.security.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;

/**
 * The realm's users with their contact attributes, read from the same files the login module reads (the production
 * file, and the demo file while the demo profile is on). A user of the production file hides a demo user of the same
 * name, as at login. The files are re-read when they change on disk.
 */
public class FileUserDirectory implements UserDirectory {
    private final Path users;
    private final Path demoUsers;
    private final boolean demo;

    public FileUserDirectory(String users, String demoUsers, boolean demo) {
        this.users = resolve(users);
        this.demoUsers = resolve(demoUsers);
        this.demo = demo;
    }

    /** Relative paths are resolved against {@code karaf.etc}, as the login module does. */
    static Path resolve(String file) {
        Path p = Paths.get(file.trim());
        return p.isAbsolute() ? p : Paths.get(System.getProperty("karaf.etc", "etc")).resolve(p);
    }

    @Override
    public List<UserInfo> users() {
        Map<String, UserAccount> all = new LinkedHashMap<>();
        if (demo) {
            all.putAll(UserFile.accounts(demoUsers));
        }
        all.putAll(UserFile.accounts(users));
        return all.values().stream().map(UserAccount::toInfo).sorted(Comparator.comparing(UserInfo::username)).toList();
    }

    @Override
    public Optional<UserInfo> user(String username) {
        if (username == null) {
            return Optional.empty();
        }
        UserAccount a = UserFile.accounts(users).get(username);
        if (a == null && demo) {
            a = UserFile.accounts(demoUsers).get(username);
        }
        return Optional.ofNullable(a).map(UserAccount::toInfo);
    }
}
