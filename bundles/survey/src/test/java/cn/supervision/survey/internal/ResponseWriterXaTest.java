package cn.supervision.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.survey.internal.ResponseWriter.Pending;
import cn.supervision.survey.internal.model.ResponseEntity;
import cn.supervision.testing.AbstractJpaTemplate;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.TestDatabase;
import cn.supervision.testing.fakes.FakeEntityManager;

/**
 * Duplicates on PostgreSQL as production writes them: pax-jdbc's pool is XA ({@code xa = true}), so the writer's
 * connection belongs to an active XA branch, where pgjdbc refuses rollback(Savepoint) (SQLState 55000). A duplicate
 * answered through savepoints became a server error there instead of the duplicate outcome. Only under -P postgresql.
 */
class ResponseWriterXaTest {
    private LocalJpaTemplate local;
    private ResponseWriter writer;
    private long questionnaire;

    @BeforeEach
    void open() {
        assumeTrue(TestDatabase.postgresql(), "XA branches by hand need PostgreSQL (-P postgresql)");
        local = new LocalJpaTemplate("survey-test", "META-INF/survey-test-persistence.xml");
        writer = new ResponseWriter(new XaBranch(local.database().postgresqlXa()));
        questionnaire = ResponseWriterTest.openQuestionnaire(local);
    }

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
            local.close();
        }
    }

    @Test
    void aDuplicateAloneIsTheDuplicateOutcome() {
        writer.write(response("device-1"), null, "重复");
        SupervisionException e = assertThrows(SupervisionException.class, () -> writer.write(response("device-1"), null, "重复"));
        assertEquals(ProblemKind.CONFLICT, e.kind(), e.toString());
        assertEquals(1, stored());
    }

    @Test
    void aDuplicateInAGroupIsRefusedAloneAndTheOthersAreStored() throws Exception {
        writer.write(response("device-1"), null, "重复");
        Pending first = pending("device-2");
        Pending again = pending("device-1");
        Pending last = pending("device-3");
        writer.writeGroup(List.of(first, again, last));

        ExecutionException e = assertThrows(ExecutionException.class, () -> again.done().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SupervisionException s && s.kind() == ProblemKind.CONFLICT, e.getCause().toString());
        first.done().get(10, TimeUnit.SECONDS);
        last.done().get(10, TimeUnit.SECONDS);
        assertEquals(3, stored());
    }

    private long stored() {
        return local.txExpr(em -> em.createQuery("select count(r) from ResponseEntity r", Long.class).getSingleResult());
    }

    private Pending pending(String device) {
        return new Pending(response(device), null, "重复", new CompletableFuture<>());
    }

    private ResponseEntity response(String device) {
        return new ResponseEntity(questionnaire, 7, "OPEN_LINK", "PUBLIC", null, null, null, "q1:u7:" + device, device, null, null,
                "[]", new BigDecimal("90.00"), 1_700_000_000_000L);
    }

    /**
     * A transaction manager's part, by hand: each call is one XA branch (start, work, end, prepare, commit; end with
     * TMFAIL and roll back on failure). The EntityManager only unwraps to the branch's connection, as the writer uses it.
     */
    private static final class XaBranch extends AbstractJpaTemplate {
        private static final AtomicInteger NEXT = new AtomicInteger();
        private final XADataSource xa;

        XaBranch(XADataSource xa) {
            this.xa = xa;
        }

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            Xid xid = xid(NEXT.incrementAndGet());
            try {
                XAConnection xc = xa.getXAConnection();
                try {
                    XAResource branch = xc.getXAResource();
                    branch.start(xid, XAResource.TMNOFLAGS);
                    R r;
                    try {
                        r = code.apply(entityManager(xc.getConnection()));
                    } catch (RuntimeException e) {
                        branch.end(xid, XAResource.TMFAIL);
                        branch.rollback(xid);
                        throw e;
                    }
                    branch.end(xid, XAResource.TMSUCCESS);
                    if (branch.prepare(xid) == XAResource.XA_OK) {
                        branch.commit(xid, false);
                    }
                    return r;
                } finally {
                    xc.close();
                }
            } catch (java.sql.SQLException | javax.transaction.xa.XAException e) {
                throw new IllegalStateException(e);
            }
        }

        private static EntityManager entityManager(Connection c) {
            return new FakeEntityManager() {
                @Override
                public <T> T unwrap(Class<T> type) {
                    if (type == Connection.class) {
                        return type.cast(c);
                    }
                    throw new UnsupportedOperationException("EntityManager.unwrap(" + type.getName()
                            + ") is not used by this test");
                }
            };
        }

        private static Xid xid(int n) {
            byte[] global = ("survey-xa-" + n).getBytes(StandardCharsets.US_ASCII);
            return new Xid() {
                @Override
                public int getFormatId() {
                    return 4711;
                }

                @Override
                public byte[] getGlobalTransactionId() {
                    return global;
                }

                @Override
                public byte[] getBranchQualifier() {
                    return new byte[] {1};
                }
            };
        }

    }
}
