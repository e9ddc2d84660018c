package cn.supervision.schema.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import liquibase.ChecksumVersion;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseList;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

import cn.supervision.schema.Changelogs;

/**
 * Whether a changelog is applied already: every changeset recorded in DATABASECHANGELOG with the checksum it has
 * now. That is one query and a parse, where a Liquibase update with nothing to do costs about 0.4 s (lock table,
 * history table checks, lock and release) and every start runs one per domain bundle. Anything else (a new or
 * edited changeset, a changeset meant to run always or on change, no history yet) goes to Liquibase, which applies
 * it or fails on it as before.
 */
final class Recorded {

    private Recorded() {
    }

    static boolean upToDate(Connection c, ClassLoader resources, String changelog) throws SQLException {
        Map<String, String> recorded = recorded(c, changelog);
        if (recorded.isEmpty()) {
            return false;
        }
        boolean autoCommit = c.getAutoCommit();
        try {
            return matches(c, resources, changelog, recorded);
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback(); // Liquibase turns auto-commit off on the connections it is given
            }
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean matches(Connection c, ClassLoader resources, String changelog, Map<String, String> recorded) {
        return Changelogs.inScope(resources, () -> {
            Database db = Changelogs.database(c);
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.database.name(), db);
            // the schema is checked by the update that applied these changesets; reading them again needs no XSD
            scope.put(GlobalConfiguration.VALIDATE_XML_CHANGELOG_FILES.getKey(), Boolean.FALSE);
            return Scope.child(scope, () -> {
                ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
                DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance().getParser(changelog, accessor)
                        .parse(changelog, new ChangeLogParameters(db), accessor);
                for (ChangeSet set : parsed.getChangeSets()) {
                    if (!DatabaseList.definitionMatches(set.getDbmsSet(), db, true)) {
                        continue; // never run here, so never recorded
                    }
                    String checksum = set.generateCheckSum(ChecksumVersion.latest()).toString();
                    if (set.isAlwaysRun() || set.isRunOnChange()
                            || !checksum.equals(recorded.get(key(set.getStoredFilePath(), set.getId(), set.getAuthor())))) {
                        return false;
                    }
                }
                return true;
            });
        }, changelog);
    }

    /** filename/id/author → checksum of what DATABASECHANGELOG holds for {@code changelog}; empty without the table. */
    private static Map<String, String> recorded(Connection c, String changelog) throws SQLException {
        Map<String, String> recorded = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT FILENAME, ID, AUTHOR, MD5SUM FROM DATABASECHANGELOG WHERE FILENAME = ?")) {
            s.setString(1, changelog);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    recorded.put(key(r.getString(1), r.getString(2), r.getString(3)), r.getString(4));
                }
            }
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("42")) {
                throw e;
            }
            // no history table: a database no changelog has touched yet
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
        return recorded;
    }

    private static String key(String file, String id, String author) {
        return file + "::" + id + "::" + author;
    }
}
