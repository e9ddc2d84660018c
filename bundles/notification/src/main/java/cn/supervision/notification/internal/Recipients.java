package cn.supervision.notification.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;

/** Who a message goes to, from the user directory: named users, a unit's users, an office's administrators. */
final class Recipients {
    private final UserDirectory directory;

    Recipients(UserDirectory directory) {
        this.directory = directory;
    }

    /** The named users the directory knows, each once, in the order given. */
    List<UserInfo> named(Collection<String> usernames) {
        return new LinkedHashSet<>(usernames).stream().map(directory::user).flatMap(Optional::stream).toList();
    }

    List<UserInfo> ofUnit(String jurisdictionCode, String unitCode) {
        return directory.users().stream().filter(u -> u.userOf(jurisdictionCode, unitCode)).toList();
    }

    List<UserInfo> ofOffice(String jurisdictionCode) {
        return directory.users().stream().filter(u -> u.officeOf(jurisdictionCode)).toList();
    }

    Optional<UserInfo> user(String username) {
        return directory.user(username);
    }
}
