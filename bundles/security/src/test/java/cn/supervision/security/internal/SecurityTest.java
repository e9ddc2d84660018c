package cn.supervision.security.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.security.Caller;
import cn.supervision.api.security.LoginThrottledException;
import cn.supervision.api.security.Role;
import cn.supervision.testing.LocalJpaTemplate;

class SecurityTest {
    @TempDir
    Path dir;
    private Configuration previous;
    private final LocalJpaTemplate jpa = new LocalJpaTemplate(LoginThrottleTest.UNIT, LoginThrottleTest.XML);

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
        return configuration(demo, "test");
    }

    private Configuration configuration(boolean demo, String realm) {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                if (!name.equals(realm)) {
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
        jpa.close();
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
        JaasAuthenticator auth = new JaasAuthenticator("test", jpa.jdbcInTransaction());
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
        Optional<Caller> c = new JaasAuthenticator("test", jpa.jdbcInTransaction()).authenticate("demo-unit", "right-password".toCharArray());
        assertTrue(c.isPresent());
        assertEquals("LJCZJ", c.get().unitCode());
        Configuration.setConfiguration(configuration(false));
        assertFalse(new JaasAuthenticator("test", jpa.jdbcInTransaction()).authenticate("demo-unit", "right-password".toCharArray()).isPresent());
    }

    @Test
    void rememberedLoginStillChecksThePassword() {
        JaasAuthenticator auth = new JaasAuthenticator("test", jpa.jdbcInTransaction());
        assertTrue(auth.authenticate("city", "right-password".toCharArray()).isPresent());
        assertFalse(auth.authenticate("city", "right-passwor".toCharArray()).isPresent());
        assertTrue(auth.authenticate("city", "right-password".toCharArray()).isPresent());
    }

    @Test
    void failuresFromOneSourceAreThrottledWhileTheUserLogsInFromTheUsualOne() {
        AtomicLong now = new AtomicLong(1_000_000);
        JaasAuthenticator auth = new JaasAuthenticator("test", jpa.jdbcInTransaction(), now::get);
        assertTrue(auth.authenticate("city", "right-password".toCharArray(), "192.168.1.20").isPresent());
        for (int i = 0; i < LoginThrottle.FREE_PER_SOURCE + 1; i++) {
            assertFalse(auth.authenticate("city", ("guess" + i).toCharArray(), "203.0.113.7").isPresent());
        }
        LoginThrottledException throttled = assertThrows(LoginThrottledException.class,
                () -> auth.authenticate("city", "right-password".toCharArray(), "203.0.113.7"));
        assertEquals(ProblemKind.THROTTLED, throttled.kind());
        assertEquals(LoginThrottle.BASE_DELAY_MILLIS / 1_000, throttled.retryAfterSeconds());
        assertTrue(auth.authenticate("city", "right-password".toCharArray(), "192.168.1.20").isPresent(),
                "the real user is not locked out by someone else's guesses");
        // a guesser spreading over many addresses: the user is slowed everywhere but at the usual source
        for (int i = 0; i < LoginThrottle.FREE_PER_USER; i++) {
            try {
                auth.authenticate("city", ("guess" + i).toCharArray(), "198.51.100." + i);
            } catch (LoginThrottledException e) {
                // some of the spread attempts are already throttled: that is the point
            }
        }
        assertThrows(LoginThrottledException.class, () -> auth.authenticate("city", "right-password".toCharArray(), "198.51.100.200"));
        assertTrue(auth.authenticate("city", "right-password".toCharArray(), "192.168.1.20").isPresent());
        now.addAndGet(LoginThrottle.MAX_DELAY_MILLIS);
        assertTrue(auth.authenticate("city", "right-password".toCharArray(), "203.0.113.7").isPresent(), "never locked for good");
    }

    @Test
    void clientChosenNamesCannotForgeLogLines() {
        assertEquals("admin?INFO forged", JaasAuthenticator.printable("admin\nINFO forged"));
        assertEquals(65, JaasAuthenticator.printable("x".repeat(500)).length());
    }

    @Test
    void unknownUsersAreThrottledLikeKnownOnes() {
        JaasAuthenticator auth = new JaasAuthenticator("test", jpa.jdbcInTransaction());
        for (int i = 0; i < LoginThrottle.FREE_PER_SOURCE + 1; i++) {
            assertFalse(auth.authenticate("nobody", ("guess" + i).toCharArray(), "203.0.113.7").isPresent());
        }
        assertThrows(LoginThrottledException.class, () -> auth.authenticate("nobody", "x".toCharArray(), "203.0.113.7"));
    }

    @Test
    void verifiedCredentialsAreNotDerivedAgainButAUsersFileChangeVoidsThem() throws Exception {
        JaasAuthenticator auth = new JaasAuthenticator("test", jpa.jdbcInTransaction());
        assertTrue(auth.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent(), "the realm reads its files");
        assertTrue(auth.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent());
        // the realm is gone: only the cache can answer now
        Configuration.setConfiguration(configuration(true, "elsewhere"));
        assertTrue(auth.authenticate("city", "right-password".toCharArray(), "10.0.0.2").isPresent(), "answered from the cache");
        assertFalse(auth.authenticate("city", "right-passwor".toCharArray(), "10.0.0.2").isPresent(), "a wrong password never hits");
        Configuration.setConfiguration(configuration(true));
        Path users = dir.resolve("users.properties");
        Files.writeString(users, Files.readString(users).replaceAll("(?m)^city = .*\\n", ""));
        Files.setLastModifiedTime(users, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertFalse(auth.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent(),
                "a user removed from the file cannot log in from the cache");
    }

    @Test
    void aThousandRequestsWithTheSameCredentialsDeriveOnceAndAChangedPasswordIsRefusedAtOnce() throws Exception {
        AtomicLong realmLogins = new AtomicLong();
        Configuration realm = configuration(true);
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                realmLogins.incrementAndGet(); // one realm login, one PBKDF2 derivation
                return realm.getAppConfigurationEntry(name);
            }
        });
        JaasAuthenticator auth = new JaasAuthenticator("test", jpa.jdbcInTransaction());
        // the realm's first login reads its files, and nothing is cached against a stamp that moved during the login
        assertTrue(auth.authenticate("demo-unit", "right-password".toCharArray(), "10.0.0.9").isPresent());
        long before = realmLogins.get();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(auth.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent());
        }
        assertEquals(1, realmLogins.get() - before, "1 000 requests, one derivation");

        Path users = dir.resolve("users.properties");
        Files.writeString(users, Files.readString(users).replaceAll("(?m)^city = [^;]*;",
                java.util.regex.Matcher.quoteReplacement("city = " + PasswordHash.hash("changed-password".toCharArray(), 1_000) + ";")));
        Files.setLastModifiedTime(users, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertFalse(auth.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent(),
                "the old password is refused at once, not after the cache's minute");
        assertTrue(auth.authenticate("city", "changed-password".toCharArray(), "10.0.0.1").isPresent());
    }

    @Test
    void anUnknownUserCostsTheSameDerivationAsAWrongPassword() throws Exception {
        // structure: the dummy hash an unknown user is checked against has the realm's own cost
        assertEquals(1_000, UserFile.iterations(dir.resolve("users.properties")));
        assertEquals(1_000, PasswordHash.iterations(PasswordHash.dummy(1_000)));
        assertEquals(PasswordHash.DEFAULT_ITERATIONS, PasswordHash.iterations(PasswordHash.dummy(0)));

        // figure: production cost, interleaved samples, medians
        Files.writeString(dir.resolve("users.properties"), "city = " + PasswordHash.hash("right-password".toCharArray())
                + ";roles=CITY_ADMIN;jurisdiction=370500\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(dir.resolve("users.properties"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        login("nobody", "warm-up");
        int samples = 15;
        long[] wrong = new long[samples];
        long[] unknown = new long[samples];
        for (int i = 0; i < samples; i++) {
            wrong[i] = login("city", "wrong-password-" + i);
            unknown[i] = login("nobody-" + i, "wrong-password-" + i);
        }
        Arrays.sort(wrong);
        Arrays.sort(unknown);
        double wrongMs = wrong[samples / 2] / 1e6;
        double unknownMs = unknown[samples / 2] / 1e6;
        Path report = Path.of("target", "login-timing.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.format(java.util.Locale.ROOT,
                "PBKDF2 %d iterations, median of %d interleaved JAAS logins: wrong password %.1f ms, unknown user %.1f ms%n",
                PasswordHash.DEFAULT_ITERATIONS, samples, wrongMs, unknownMs));
        double ratio = unknownMs / wrongMs;
        // the same derivation: equal up to scheduling noise on a busy machine (without the dummy hash: ~0.01)
        assertTrue(ratio > 0.5 && ratio < 2.0, "wrong " + wrongMs + " ms vs unknown " + unknownMs + " ms");
    }

    /** Nanoseconds of one failed JAAS login. */
    private static long login(String user, String password) {
        long start = System.nanoTime();
        try {
            new javax.security.auth.login.LoginContext("test", new javax.security.auth.Subject(), callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof javax.security.auth.callback.NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof javax.security.auth.callback.PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    }
                }
            }).login();
            throw new AssertionError("logged in");
        } catch (javax.security.auth.login.LoginException expected) {
            return System.nanoTime() - start;
        }
    }

    @Test
    void weakPasswordsAreRefusedWithEveryReason() {
        assertEquals(List.of(), PasswordPolicy.problems("kenli-admin", "Huanghe-kou-2026".toCharArray()));
        List<String> tooShort = PasswordPolicy.problems("kenli-admin", "abc".toCharArray());
        assertTrue(tooShort.contains("密码至少需要 12 个字符"), tooShort.toString());
        assertTrue(tooShort.stream().anyMatch(p -> p.contains("三类")), tooShort.toString());
        assertTrue(PasswordPolicy.problems("kenli-admin", "xx-Kenli-Admin-2026".toCharArray()).contains("密码不能包含用户名"));
        assertTrue(PasswordPolicy.problems("kenli-admin", "Password123!".toCharArray()).contains("密码过于常见"));
        assertTrue(PasswordPolicy.problems("kenli-admin", "1qaz2wsx3EDC!".toCharArray()).contains("密码过于常见"));
        assertEquals(1, PasswordPolicy.problems("u", "alllowercaseletters".toCharArray()).size());

        String refused = PasswordHashCommand.hashOrReasons("kenli-admin", "kenli-admin".toCharArray());
        assertTrue(refused.startsWith("密码不符合要求") && refused.contains("用户名") && !refused.contains("pbkdf2"), refused);
        String hash = PasswordHashCommand.hashOrReasons("kenli-admin", "Huanghe-kou-2026".toCharArray());
        assertTrue(PasswordHash.verify("Huanghe-kou-2026".toCharArray(), hash), hash);
    }

    @Test
    void usersFileIsReReadWhenItChanges() throws Exception {
        JaasAuthenticator auth = new JaasAuthenticator("test", jpa.jdbcInTransaction());
        assertFalse(auth.authenticate("newcomer", "right-password".toCharArray()).isPresent());
        Path users = dir.resolve("users.properties");
        Files.writeString(users, Files.readString(users) + "newcomer = "
                + PasswordHash.hash("right-password".toCharArray(), 1_000) + ";roles=EVALUATOR;jurisdiction=370523\n");
        Files.setLastModifiedTime(users, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertTrue(new JaasAuthenticator("test", jpa.jdbcInTransaction()).authenticate("newcomer", "right-password".toCharArray()).isPresent());
    }
}
