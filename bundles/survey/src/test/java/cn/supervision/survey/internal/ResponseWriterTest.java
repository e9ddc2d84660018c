package cn.supervision.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.openjpa.persistence.OpenJPAPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.survey.Receipt;
import cn.supervision.survey.internal.ResponseWriter.Pending;
import cn.supervision.survey.internal.model.ResponseEntity;
import cn.supervision.testing.AbstractJpaTemplate;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * A group holding a duplicate: the duplicate is refused alone, and every other member is acknowledged only once it is
 * stored, wherever the duplicate falls. On PostgreSQL a duplicate aborts the transaction and the commit of an aborted
 * one is a silent rollback, so a group whose duplicate came last was acknowledged and lost.
 */
class ResponseWriterTest {
    private final LocalJpaTemplate local = new LocalJpaTemplate("survey-test", "META-INF/survey-test-persistence.xml");
    private final ResponseWriter writer = new ResponseWriter(new InTransaction(local));
    private final long questionnaire = openQuestionnaire(local);

    /** The writer stores answers only to a questionnaire whose row says OPEN. */
    static long openQuestionnaire(LocalJpaTemplate jpa) {
        return jpa.txExpr(em -> {
            cn.supervision.survey.internal.model.QuestionnaireEntity q = new cn.supervision.survey.internal.model.QuestionnaireEntity(1,
                    "370500", "PUBLIC_EVALUATION", "{}", "t", 0);
            q.setState("OPEN");
            em.persist(q);
            em.flush();
            return q.getId();
        });
    }

    @AfterEach
    void close() {
        writer.close();
        local.close();
    }

    @Test
    void aDuplicateLastInAGroupTakesNoOtherAnswerWithIt() throws Exception {
        writer.write(response("device-1"), null, "重复");
        Pending fresh = pending("device-2");
        Pending again = pending("device-1");
        writer.writeGroup(List.of(fresh, again));

        assertRefused(again);
        assertStored(fresh);
        assertEquals(2, stored());
    }

    @Test
    void aDuplicateAmidAGroupTakesNoOtherAnswerWithIt() throws Exception {
        writer.write(response("device-1"), null, "重复");
        Pending first = pending("device-2");
        Pending again = pending("device-1");
        Pending last = pending("device-3");
        writer.writeGroup(List.of(first, again, last));

        assertRefused(again);
        assertStored(first);
        assertStored(last);
        assertEquals(3, stored());
    }

    @Test
    void aLockLostToAnotherWriterIsTriedAgainNotFailedToTheSender() throws Exception {
        // Derby's identity generator gives up at once (40XL1) when two nodes' writers insert together
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        ResponseWriter losingOnce = new ResponseWriter(new InTransaction(local) {
            @Override
            public <R> R txExpr(TransactionType type, EmFunction<R> code) {
                return super.txExpr(type, em -> {
                    R written = code.apply(em);
                    if (attempts.incrementAndGet() == 1) { // rolls the first attempt back, as the database would
                        throw new IllegalStateException(new java.sql.SQLException("A lock could not be obtained within the time requested", "40XL1"));
                    }
                    return written;
                });
            }
        });
        try {
            Pending p = pending("device-9");
            losingOnce.writeGroup(List.of(p));
            assertStored(p);
            assertEquals(2, attempts.get());
        } finally {
            losingOnce.close();
        }
    }

    private void assertStored(Pending p) throws Exception {
        Receipt receipt = p.done().get(10, TimeUnit.SECONDS);
        long rows = local.txExpr(em -> em.createQuery("select count(r) from ResponseEntity r where r.dedupeKey = :k", Long.class)
                .setParameter("k", p.response().getDedupeKey()).getSingleResult());
        assertEquals(1, rows, "acknowledged as " + receipt.responseId() + " but not stored: " + p.response().getDedupeKey());
    }

    private static void assertRefused(Pending p) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> p.done().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SupervisionException s && s.kind() == ProblemKind.CONFLICT, e.getCause().toString());
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
     * As under Aries JPA and JTA in Karaf: the connection the writer unwraps is in the transaction. OpenJPA's
     * resource-local optimistic transactions hand out an auto-commit connection until they flush, which hid the bug.
     */
    static class InTransaction extends AbstractJpaTemplate {
        private final org.apache.aries.jpa.template.JpaTemplate local;

        InTransaction(org.apache.aries.jpa.template.JpaTemplate local) {
            this.local = local;
        }

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            return local.txExpr(type, em -> {
                if (!OpenJPAPersistence.cast(em).isStoreActive()) {
                    OpenJPAPersistence.cast(em).beginStore();
                }
                return code.apply(em);
            });
        }

    }
}
