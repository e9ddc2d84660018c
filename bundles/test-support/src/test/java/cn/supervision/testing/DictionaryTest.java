package cn.supervision.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.openjpa.jdbc.sql.DBDictionary;
import org.apache.openjpa.persistence.OpenJPAPersistence;
import org.apache.openjpa.jdbc.conf.JDBCConfiguration;
import org.junit.jupiter.api.Test;

/** The dictionary setting every persistence unit carries, and that it reaches the dictionary OpenJPA detects. */
class DictionaryTest {

    @Test
    void theDetectedDictionaryReadsClobsWithGetString() {
        try (LocalJpaTemplate jpa = new LocalJpaTemplate("lock-test", "META-INF/lock-test-persistence.xml")) {
            DBDictionary dictionary = jpa.txExpr(em -> ((JDBCConfiguration) OpenJPAPersistence.cast(em.getEntityManagerFactory())
                    .getConfiguration()).getDBDictionaryInstance());
            assertTrue(dictionary.useGetStringForClobs, dictionary.getClass().getName());
        }
    }

    @Test
    void everyBundlesPersistenceUnitCarriesIt() throws IOException {
        Path bundles = Path.of("..").toAbsolutePath().normalize();
        Path persistenceXml = Path.of("src", "main", "resources", "META-INF", "persistence.xml");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(bundles, 6)) {
            files = walk.filter(p -> p.endsWith(persistenceXml)).collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no persistence.xml under " + bundles);
        String setting = "<property name=\"openjpa.jdbc.DBDictionary\" value=\"" + TestDatabase.DICTIONARY + "\"/>";
        for (Path file : files) {
            String xml = Files.readString(file);
            assertEquals(count(xml, "<persistence-unit "), count(xml, setting), file + ": every unit needs " + setting);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
