package cn.supervision.api.security;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;
import java.util.Optional;

/** The platform's users with their contact attributes (the security bundle reads them from the realm's files). */
@ProviderType
public interface UserDirectory {

    List<UserInfo> users();

    Optional<UserInfo> user(String username);
}
