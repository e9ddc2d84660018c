package cn.supervision.api.security;

import java.util.List;
import java.util.Optional;

/** The platform's users with their contact attributes (the security bundle reads them from the realm's files). */
public interface UserDirectory {

    List<UserInfo> users();

    Optional<UserInfo> user(String username);
}
