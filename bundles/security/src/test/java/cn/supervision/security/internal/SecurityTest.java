package cn.supervision.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

class SecurityTest {
    @TempDir
    Path dir;
    private Configuration previous;

    @BeforeEach
    void realm() throws Exception {
        String hash = PasswordHash.hash("right-password".toCharArray(), 1_000);
        Files.writeString(dir.resolve("users.properties"),
                "city = " + hash + ";roles=CITY_ADMIN,LEADER;jurisdiction=370500\n"
                        + "plain = secret;roles=CITY_ADMIN;jurisdiction=370500\n"
                        + "unbound = " + hash + ";roles=COUNTY_ADMIN\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("demo.properties"),
                "demo-unit = " + hash + ";roles=UNIT_USER;jurisdiction=370522;unit=LJCZJ\n", StandardCharsets.UTF_8);
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(configuration(true));
    }

    private Configuration configuration(boolean demo) {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                if (!name.equals("test")) {
                    return null;
                }
                return new AppConfigurationEntry[] {new AppConfigurationEntry(UserFileLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("users", dir.resolve("users.properties").toString(),
                                "demoUsers", dir.resolve("demo.properties").toString(),
                                "demo", String.valueOf(demo)))};
            }
        };
    }

    @AfterEach
    void restore() {
        Configuration.setConfiguration(previous);
    }

    @Test
    void hashesAreSaltedAndVerify() {
        String a = PasswordHash.hash("pw-123456".toCharArray(), 1_000);
        String b = PasswordHash.hash("pw-123456".toCharArray(), 1_000);
        assertNotEquals(a, b);
        assertTrue(PasswordHash.verify("pw-123456".toCharArray(), a));
        assertFalse(PasswordHash.verify("pw-123457".toCharArray(), a));
        assertFalse(PasswordHash.verify("pw-123456".toCharArray(), "pw-123456"), "plain text never matches");
        assertFalse(PasswordHash.verify("x".toCharArray(), "pbkdf2-sha256$5$AAAA$AAAA"), "absurd iteration counts are refused");
    }

    @Test
    void accountLinesAreCheckedAndExplained() {
        List<String> problems = new ArrayList<>();
        assertNull(UserAccount.parse("u", "secret;roles=CITY_ADMIN;jurisdiction=370500", problems));
        assertNull(UserAccount.parse("u", "pbkdf2-sha256$1$a$b;roles=SYSTEM,NOPE;jurisdiction=370500", problems));
        assertNull(UserAccount.parse("u", "pbkdf2-sha256$1$a$b;roles=UNIT_USER;jurisdiction=370500", problems));
        assertEquals(3, problems.size());
        assertTrue(problems.get(0).contains("plain-text"), problems.get(0));
        assertTrue(problems.get(1).contains("SYSTEM") && problems.get(1).contains("NOPE"), problems.get(1));
        assertTrue(problems.get(2).contains("unit"), problems.get(2));
    }

    @Test
    void loginThroughJaasYieldsTheCaller() {
        JaasAuthenticator auth = new JaasAuthenticator("test");
        Optional<Caller> c = auth.authenticate("city", "right-password".toCharArray());
        assertTrue(c.isPresent());
        assertEquals(Set.of(Role.CITY_ADMIN, Role.LEADER), c.get().roles());
        assertEquals("370500", c.get().jurisdictionCode());
        assertFalse(auth.authenticate("city", "wrong-password".toCharArray()).isPresent());
        assertFalse(auth.authenticate("plain", "secret".toCharArray()).isPresent(), "plain-text entries cannot log in");
        assertFalse(auth.authenticate("unbound", "right-password".toCharArray()).isPresent());
        assertFalse(auth.authenticate("nobody", "right-password".toCharArray()).isPresent());
    }

    @Test
    void demoUsersOnlyWhenTheDemoProfileIsOn() {
        Optional<Caller> c = new JaasAuthenticator("test").authenticate("demo-unit", "right-password".toCharArray());
        assertTrue(c.isPresent());
        assertEquals("LJCZJ", c.get().unitCode());
        Configuration.setConfiguration(configuration(false));
        assertFalse(new JaasAuthenticator("test").authenticate("demo-unit", "right-password".toCharArray()).isPresent());
    }

    @Test
    void rememberedLoginStillChecksThePassword() {
        JaasAuthenticator auth = new JaasAuthenticator("test");
        assertTrue(auth.authenticate("city", "right-password".toCharArray()).isPresent());
        assertFalse(auth.authenticate("city", "right-passwor".toCharArray()).isPresent());
        assertTrue(auth.authenticate("city", "right-password".toCharArray()).isPresent());
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() {
        JaasAuthenticator auth = new JaasAuthenticator("test");
        for (int i = 0; i < JaasAuthenticator.MAX_FAILURES; i++) {
            assertFalse(auth.authenticate("city", ("guess" + i).toCharArray()).isPresent());
        }
        assertFalse(auth.authenticate("city", "right-password".toCharArray()).isPresent(), "locked even with the right password");
        assertTrue(new JaasAuthenticator("test").authenticate("city", "right-password".toCharArray()).isPresent());
    }

    @Test
    void usersFileIsReReadWhenItChanges() throws Exception {
        JaasAuthenticator auth = new JaasAuthenticator("test");
        assertFalse(auth.authenticate("newcomer", "right-password".toCharArray()).isPresent());
        Path users = dir.resolve("users.properties");
        Files.writeString(users, Files.readString(users) + "newcomer = "
                + PasswordHash.hash("right-password".toCharArray(), 1_000) + ";roles=EVALUATOR;jurisdiction=370523\n");
        Files.setLastModifiedTime(users, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertTrue(new JaasAuthenticator("test").authenticate("newcomer", "right-password".toCharArray()).isPresent());
    }
}
