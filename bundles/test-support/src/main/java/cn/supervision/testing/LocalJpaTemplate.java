package cn.supervision.testing;

import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.openjpa.persistence.OpenJPAPersistence;

/**
 * A resource-local stand-in for Aries' JTA template, for domain tests: one EntityManager and transaction per call,
 * on a fresh in-memory Derby database. {@code persistenceXml} names a RESOURCE_LOCAL unit in the test's resources.
 */
public final class LocalJpaTemplate implements JpaTemplate, AutoCloseable {
    private final EntityManagerFactory emf;

    public LocalJpaTemplate(String unit, String persistenceXml) {
        this(unit, persistenceXml, "jdbc:derby:memory:t" + UUID.randomUUID().toString().replace("-", "") + ";create=true");
    }

    /** On the database at {@code url}, e.g. a Derby directory for durable benchmarks. */
    public LocalJpaTemplate(String unit, String persistenceXml, String url) {
        emf = OpenJPAPersistence.createEntityManagerFactory(unit, persistenceXml, Map.of("openjpa.ConnectionURL", url));
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
