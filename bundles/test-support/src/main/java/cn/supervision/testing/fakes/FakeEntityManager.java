package cn.supervision.testing.fakes;

import java.util.List;
import java.util.Map;

import javax.persistence.EntityGraph;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.FlushModeType;
import javax.persistence.LockModeType;
import javax.persistence.Query;
import javax.persistence.StoredProcedureQuery;
import javax.persistence.TypedQuery;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaDelete;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.CriteriaUpdate;
import javax.persistence.metamodel.Metamodel;

/**
 * A JPA {@link EntityManager} (JPA 2.1) that answers nothing: every method throws, so a test subclasses it anonymously
 * and overrides only what the code under test calls, for instance {@link #unwrap(Class)} to hand out a connection; the
 * compiler checks those overrides against the interface.
 */
public class FakeEntityManager implements EntityManager {
    @Override
    public void persist(Object entity) {
        throw unused("persist");
    }

    @Override
    public <T> T merge(T entity) {
        throw unused("merge");
    }

    @Override
    public void remove(Object entity) {
        throw unused("remove");
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        throw unused("find");
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> properties) {
        throw unused("find");
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        throw unused("find");
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        throw unused("find");
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        throw unused("getReference");
    }

    @Override
    public void flush() {
        throw unused("flush");
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        throw unused("setFlushMode");
    }

    @Override
    public FlushModeType getFlushMode() {
        throw unused("getFlushMode");
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        throw unused("lock");
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        throw unused("lock");
    }

    @Override
    public void refresh(Object entity) {
        throw unused("refresh");
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        throw unused("refresh");
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        throw unused("refresh");
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        throw unused("refresh");
    }

    @Override
    public void clear() {
        throw unused("clear");
    }

    @Override
    public void detach(Object entity) {
        throw unused("detach");
    }

    @Override
    public boolean contains(Object entity) {
        throw unused("contains");
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        throw unused("getLockMode");
    }

    @Override
    public void setProperty(String name, Object value) {
        throw unused("setProperty");
    }

    @Override
    public Map<String, Object> getProperties() {
        throw unused("getProperties");
    }

    @Override
    public Query createQuery(String query) {
        throw unused("createQuery");
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> query) {
        throw unused("createQuery");
    }

    @Override
    @SuppressWarnings("rawtypes") // raw in the JPA 2.1 interface
    public Query createQuery(CriteriaUpdate query) {
        throw unused("createQuery");
    }

    @Override
    @SuppressWarnings("rawtypes") // raw in the JPA 2.1 interface
    public Query createQuery(CriteriaDelete query) {
        throw unused("createQuery");
    }

    @Override
    public <T> TypedQuery<T> createQuery(String query, Class<T> resultClass) {
        throw unused("createQuery");
    }

    @Override
    public Query createNamedQuery(String name) {
        throw unused("createNamedQuery");
    }

    @Override
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultClass) {
        throw unused("createNamedQuery");
    }

    @Override
    public Query createNativeQuery(String sql) {
        throw unused("createNativeQuery");
    }

    @Override
    @SuppressWarnings("rawtypes") // raw in the JPA 2.1 interface
    public Query createNativeQuery(String sql, Class resultClass) {
        throw unused("createNativeQuery");
    }

    @Override
    public Query createNativeQuery(String sql, String resultSetMapping) {
        throw unused("createNativeQuery");
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        throw unused("createNamedStoredProcedureQuery");
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        throw unused("createStoredProcedureQuery");
    }

    @Override
    @SuppressWarnings("rawtypes") // raw in the JPA 2.1 interface
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, Class... resultClasses) {
        throw unused("createStoredProcedureQuery");
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        throw unused("createStoredProcedureQuery");
    }

    @Override
    public void joinTransaction() {
        throw unused("joinTransaction");
    }

    @Override
    public boolean isJoinedToTransaction() {
        throw unused("isJoinedToTransaction");
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw unused("unwrap");
    }

    @Override
    public Object getDelegate() {
        throw unused("getDelegate");
    }

    @Override
    public void close() {
        throw unused("close");
    }

    @Override
    public boolean isOpen() {
        throw unused("isOpen");
    }

    @Override
    public EntityTransaction getTransaction() {
        throw unused("getTransaction");
    }

    @Override
    public EntityManagerFactory getEntityManagerFactory() {
        throw unused("getEntityManagerFactory");
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        throw unused("getCriteriaBuilder");
    }

    @Override
    public Metamodel getMetamodel() {
        throw unused("getMetamodel");
    }

    @Override
    public <T> EntityGraph<T> createEntityGraph(Class<T> rootType) {
        throw unused("createEntityGraph");
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        throw unused("createEntityGraph");
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        throw unused("getEntityGraph");
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        throw unused("getEntityGraphs");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("EntityManager." + method + " is not used by this test");
    }
}
