package cn.supervision.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The database kind the tests run on: only the two known names, so a typo fails the run instead of testing Derby. */
class TestDatabaseTest {
    @Test
    void derbyUnlessPostgresqlIsNamed() {
        assertFalse(TestDatabase.postgresql(null));
        assertFalse(TestDatabase.postgresql("derby"));
        assertTrue(TestDatabase.postgresql("postgresql"));
        assertTrue(TestDatabase.postgresql("PostgreSQL"));
    }

    @Test
    void anUnknownKindFailsClearly() {
        String before = System.getProperty(TestDatabase.KIND);
        System.setProperty(TestDatabase.KIND, "postgres");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, TestDatabase::fresh);
            assertTrue(e.getMessage().contains("supervision.test.db=postgres"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(TestDatabase.KIND);
            } else {
                System.setProperty(TestDatabase.KIND, before);
            }
        }
        assertThrows(IllegalStateException.class, () -> TestDatabase.postgresql(""));
    }
}
