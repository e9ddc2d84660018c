package cn.supervision.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
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
    /** Whether closing this template drops its database (not for a second node's template on another's database). */
    private final boolean ownsDatabase;
    private final String unit;
    private final String persistenceXml;
    private final Map<String, ?> properties;

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
        this.ownsDatabase = false;
        this.unit = unit;
        this.persistenceXml = persistenceXml;
        this.properties = Map.of();
        emf = migratedUnit(unit, persistenceXml, () -> DriverManager.getConnection(url), Map.of("openjpa.ConnectionURL", url));
    }

    private LocalJpaTemplate(String unit, String persistenceXml, TestDatabase database, Map<String, ?> properties) {
        this(unit, persistenceXml, database, properties, true);
    }

    private LocalJpaTemplate(String unit, String persistenceXml, TestDatabase database, Map<String, ?> properties,
                             boolean ownsDatabase) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.unit = unit;
        this.persistenceXml = persistenceXml;
        this.properties = properties;
        Map<String, Object> all = new HashMap<>(database.jpaProperties());
        all.putAll(properties);
        emf = migratedUnit(unit, persistenceXml, database::connect, all);
    }

    private interface Connect {
        Connection open() throws SQLException;
    }

    private static EntityManagerFactory migratedUnit(String unit, String persistenceXml, Connect db, Map<String, Object> properties) {
        List<String> changelogs = UnitChangelogs.of(unit, persistenceXml);
        List<String> all = new ArrayList<>();
        all.add(Changelogs.OWN); // as bundles/schema does before any bundle's changelog (SV_LOCK)
        all.addAll(changelogs);
        migrate(db, all);
        Map<String, Object> jpa = new HashMap<>(properties);
        if (!changelogs.isEmpty()) {
            jpa.put("openjpa.jdbc.SynchronizeMappings", "validate");
        }
        return OpenJPAPersistence.createEntityManagerFactory(unit, persistenceXml, jpa);
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


    /**
     * This template with JDBC inside its transactions as under production's JTA: each transaction is begun in the
     * database at once (OpenJPA {@code beginStore}), so that {@code em.unwrap(Connection.class)} is the transaction's own
     * connection. Plain, OpenJPA's optimistic resource-local transactions hand out an auto-commit connection per unwrap
     * until the first flush: SQL sent through it is not part of the transaction (a {@code TransactionLock} taken there
     * would hold nothing).
     */
    public JpaTemplate jdbcInTransaction() {
        LocalJpaTemplate local = this;
        return new AbstractJpaTemplate() {
            @Override
            public <R> R txExpr(TransactionType type, EmFunction<R> code) {
                return local.txExpr(type, em -> {
                    OpenJPAPersistence.cast(em).beginStore();
                    return code.apply(em);
                });
            }
        };
    }

    /**
     * Another template on this template's database, standing for a second platform node: its own EntityManagerFactory,
     * hence its own connections and caches, on the same tables. Closing it leaves the database to this template.
     */
    public LocalJpaTemplate secondNode() {
        return new LocalJpaTemplate(unit, persistenceXml, database(), properties, false);
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
        if (database != null && ownsDatabase) {
            database.close();
        }
    }
}
