package cn.supervision.testing;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.openjpa.persistence.OpenJPAPersistence;

/**
 * A resource-local stand-in for Aries' JTA template, for domain tests: one EntityManager and transaction per call,
 * on a fresh {@link TestDatabase} (in-memory Derby, or a schema of its own on PostgreSQL). {@code persistenceXml} names
 * a RESOURCE_LOCAL unit in the test's resources.
 */
public final class LocalJpaTemplate implements JpaTemplate, AutoCloseable {
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
        emf = OpenJPAPersistence.createEntityManagerFactory(unit, persistenceXml, Map.of("openjpa.ConnectionURL", url));
    }

    private LocalJpaTemplate(String unit, String persistenceXml, TestDatabase database, Map<String, ?> properties) {
        this.database = database;
        Map<String, Object> all = new HashMap<>(database.jpaProperties());
        all.putAll(properties);
        emf = OpenJPAPersistence.createEntityManagerFactory(unit, persistenceXml, all);
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
        if (database != null) {
            database.close();
        }
    }
}
