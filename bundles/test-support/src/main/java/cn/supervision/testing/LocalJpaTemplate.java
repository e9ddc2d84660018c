package cn.supervision.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.openjpa.persistence.OpenJPAPersistence;

import cn.supervision.schema.Changelogs;

/**
 * A resource-local stand-in for Aries' JTA template, for domain tests: one EntityManager and transaction per call,
 * on a fresh in-memory Derby database. {@code persistenceXml} names a RESOURCE_LOCAL unit in the test's resources.
 *
 * <p>The tables are made as in production, by the Liquibase changelogs of the bundles the unit's classes come from;
 * OpenJPA then only validates its mappings against them, so a test fails when an entity has a field the changelog lacks.
 */
public final class LocalJpaTemplate implements JpaTemplate, AutoCloseable {
    private final EntityManagerFactory emf;

    public LocalJpaTemplate(String unit, String persistenceXml) {
        this(unit, persistenceXml, "jdbc:derby:memory:t" + UUID.randomUUID().toString().replace("-", "") + ";create=true");
    }

    /** On the database at {@code url}, e.g. a Derby directory for durable benchmarks. */
    public LocalJpaTemplate(String unit, String persistenceXml, String url) {
        java.util.List<String> changelogs = UnitChangelogs.of(unit, persistenceXml);
        migrate(url, changelogs);
        emf = OpenJPAPersistence.createEntityManagerFactory(unit, persistenceXml, changelogs.isEmpty()
                ? Map.of("openjpa.ConnectionURL", url)
                : Map.of("openjpa.ConnectionURL", url, "openjpa.jdbc.SynchronizeMappings", "validate"));
    }

    static void migrate(String url, Iterable<String> changelogs) {
        try (Connection c = DriverManager.getConnection(url)) {
            for (String changelog : changelogs) {
                Changelogs.update(c, Thread.currentThread().getContextClassLoader(), changelog);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
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

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() {
        emf.close();
    }
}
