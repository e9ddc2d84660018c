package cn.supervision.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;

class FileUserDirectoryTest {
    @TempDir
    Path dir;

    private final String hash = PasswordHash.hash("right-password".toCharArray(), 1_000);

    @Test
    void contactAttributesAreReadFromTheUserLine() throws Exception {
        Files.writeString(dir.resolve("users.properties"),
                "city = " + hash + ";roles=CITY_ADMIN;jurisdiction=370500;email=city@demo.supervision.invalid;phone=0546-8888888\n"
                        + "quiet = " + hash + ";roles=LEADER;jurisdiction=370500\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("demo.properties"),
                "czj = " + hash + ";roles=UNIT_USER;jurisdiction=370500;unit=CZJ;email=czj-user@demo.supervision.invalid\n"
                        + "city = " + hash + ";roles=UNIT_USER;jurisdiction=370522;unit=X\n", StandardCharsets.UTF_8);
        FileUserDirectory directory = new FileUserDirectory(dir.resolve("users.properties").toString(),
                dir.resolve("demo.properties").toString(), true);

        UserInfo city = directory.user("city").orElseThrow();
        assertEquals(new UserInfo("city", Set.of(Role.CITY_ADMIN), "370500", null, "city@demo.supervision.invalid", "0546-8888888"), city);
        assertNull(directory.user("quiet").orElseThrow().email());
        assertEquals("czj-user@demo.supervision.invalid", directory.user("czj").orElseThrow().email());
        assertEquals(List.of("city", "czj", "quiet"), directory.users().stream().map(UserInfo::username).toList());
        assertEquals(Set.of(Role.CITY_ADMIN), directory.users().get(0).roles(), "the production file hides the demo user of the same name");

        FileUserDirectory production = new FileUserDirectory(dir.resolve("users.properties").toString(),
                dir.resolve("demo.properties").toString(), false);
        assertTrue(production.user("czj").isEmpty(), "demo users are not in the directory while the demo profile is off");
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "a = " + hash + ";roles=LEADER;jurisdiction=370500\n", StandardCharsets.UTF_8);
        FileUserDirectory directory = new FileUserDirectory(file.toString(), dir.resolve("none.properties").toString(), false);
        assertNull(directory.user("a").orElseThrow().email());
        Files.writeString(file, "a = " + hash + ";roles=LEADER;jurisdiction=370500;email=a@demo.supervision.invalid\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("a@demo.supervision.invalid", directory.user("a").orElseThrow().email());
    }

    @Test
    void malformedContactsRefuseTheLine() {
        List<String> problems = new ArrayList<>();
        assertNull(UserAccount.parse("u", hash + ";roles=LEADER;jurisdiction=370500;email=not-an-address", problems));
        assertNull(UserAccount.parse("u", hash + ";roles=LEADER;jurisdiction=370500;phone=call me", problems));
        assertEquals(2, problems.size());
    }

    @Test
    void aDepartmentAccountIsBoundToItsDepartment() {
        List<String> problems = new ArrayList<>();
        UserAccount audit = UserAccount.parse("audit", hash + ";roles=DEPARTMENT;jurisdiction=370500;department=SJJ", problems);
        assertEquals(List.of(), problems);
        assertEquals("SJJ", audit.toCaller().departmentCode());
        assertTrue(audit.toInfo().memberOf("370500", "SJJ"));
        assertNull(UserAccount.parse("d", hash + ";roles=DEPARTMENT;jurisdiction=370500", problems));
        assertNull(UserAccount.parse("d", hash + ";roles=LEADER;jurisdiction=370500;department=SJJ", problems));
        assertNull(UserAccount.parse("d", hash + ";roles=DEPARTMENT;jurisdiction=370500;department=SJJ;unit=CZJ", problems));
        assertNull(UserAccount.parse("d", hash + ";roles=DEPARTMENT;jurisdiction=370500;department=审计 局", problems));
        assertEquals(4, problems.size(), problems.toString());
    }
}
