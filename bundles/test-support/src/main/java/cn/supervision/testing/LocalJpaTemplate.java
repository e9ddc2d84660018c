package cn.supervision.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.openjpa.persistence.OpenJPAPersistence;

import cn.supervision.schema.Changelogs;

/**
 * A resource-local stand-in for Aries' JTA template, for domain tests: one EntityManager and transaction per call,
 * on a fresh {@link TestDatabase} (in-memory Derby, or a schema of its own on PostgreSQL). {@code persistenceXml} names
 * a RESOURCE_LOCAL unit in the test's resources.
 *
 * <p>The tables are made as in production, by the Liquibase changelogs of the bundles the unit's classes come from;
 * OpenJPA then only validates its mappings against them, so a test fails when an entity has a field the changelog lacks.
 */
public final class LocalJpaTemplate extends AbstractJpaTemplate implements AutoCloseable {
    private final EntityManagerFactory emf;
    private final TestDatabase database;

    public LocalJpaTemplate(String unit, String persistenceXml) {
        this(unit, persistenceXml, TestDatabase.fresh(), Map.of());
    }

    /** On a fresh test database, with more OpenJPA properties (e.g. the dictionary's InitializationSQL for a session setting). */
    public LocalJpaTemplate(String unit, String persistenceXml, Map<String, ?> properties) {
        this(unit, persistenceXml, TestDatabase.fresh(), properties);
    }

    /** On the database at {@code url}, e.g. a Derby directory for durable benchmarks. */
    public LocalJpaTemplate(String unit, String persistenceXml, String url) {
        this.database = null;
        emf = migratedUnit(unit, persistenceXml, () -> DriverManager.getConnection(url), Map.of("openjpa.ConnectionURL", url));
    }

    private LocalJpaTemplate(String unit, String persistenceXml, TestDatabase database, Map<String, ?> properties) {
        this.database = database;
        Map<String, Object> all = new HashMap<>(database.jpaProperties());
        all.putAll(properties);
        emf = migratedUnit(unit, persistenceXml, database::connect, all);
    }

    private interface Connect {
        Connection open() throws SQLException;
    }

    private static EntityManagerFactory migratedUnit(String unit, String persistenceXml, Connect db, Map<String, Object> properties) {
        List<String> changelogs = UnitChangelogs.of(unit, persistenceXml);
        migrate(db, changelogs);
        Map<String, Object> all = new HashMap<>(properties);
        if (!changelogs.isEmpty()) {
            all.put("openjpa.jdbc.SynchronizeMappings", "validate");
        }
        return OpenJPAPersistence.createEntityManagerFactory(unit, persistenceXml, all);
    }

    static void migrate(String url, Iterable<String> changelogs) {
        migrate(() -> DriverManager.getConnection(url), changelogs);
    }

    private static void migrate(Connect db, Iterable<String> changelogs) {
        try (Connection c = db.open()) {
            for (String changelog : changelogs) {
                Changelogs.update(c, Thread.currentThread().getContextClassLoader(), changelog);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            R r = code.apply(em);
            em.getTransaction().commit();
            return r;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }


    /** The fresh test database this template made, for a test that must also reach it outside JPA. */
    public TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("this template was given a database URL");
        }
        return database;
    }

    @Override
    public void close() {
        emf.close();
        if (database != null) {
            database.close();
        }
    }
}
