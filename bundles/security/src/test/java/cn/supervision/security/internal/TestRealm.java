package cn.supervision.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.spi.LoginModule;

/**
 * The JAAS realm {@value #NAME} for a test: one user, {@code city} / {@code right-password} (CITY_ADMIN of 370500), in a
 * users file under the test's folder, verified by the given login module. Closing it puts the previous configuration back.
 */
final class TestRealm implements AutoCloseable {
    static final String NAME = "test";

    private final Configuration previous = Configuration.getConfiguration();

    private TestRealm(Path users, Class<? extends LoginModule> module) {
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return !name.equals(NAME) ? null : new AppConfigurationEntry[] {new AppConfigurationEntry(
                        module.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("users", users.toString(), "demo", "false"))};
            }
        });
    }

    static TestRealm install(Path dir, Class<? extends LoginModule> module) throws IOException {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "city = " + PasswordHash.hash("right-password".toCharArray(), 1_000)
                + ";roles=CITY_ADMIN;jurisdiction=370500\n", StandardCharsets.UTF_8);
        return new TestRealm(users, module);
    }

    @Override
    public void close() {
        Configuration.setConfiguration(previous);
    }
}
