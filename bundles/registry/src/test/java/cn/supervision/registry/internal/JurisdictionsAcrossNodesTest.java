package cn.supervision.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Role;
import cn.supervision.api.tx.LockRetry;
import cn.supervision.testing.AbstractJpaTemplate;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * Two platform nodes on one database, each with its own registry service: a jurisdiction one registers is known to the
 * other (its tree and its access policy) within a second, and registering it there again confirms it.
 */
class JurisdictionsAcrossNodesTest {
    static final Caller SYSTEM = Caller.system("city-bundle");
    static final Caller CITY_ADMIN = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Jurisdiction CITY = new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false);
    static final Jurisdiction COUNTY = new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false);

    private final LocalJpaTemplate database = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    /** Node B's view of the database, counting the transactions node B runs. */
    private final class Counting extends AbstractJpaTemplate {
        int calls;
        Runnable beforeNextWrite;

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            calls++;
            if (type == TransactionType.Required && beforeNextWrite != null) {
                Runnable r = beforeNextWrite;
                beforeNextWrite = null;
                r.run();
            }
            return database.txExpr(type, code);
        }
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private JpaRegistryService node(JpaTemplate jpa, boolean inTransaction) {
        JpaRegistryService node = new JpaRegistryService(jpa, clock, LockRetry.of(3, 0), () -> inTransaction);
        node.start();
        return node;
    }

    @Test
    void aJurisdictionRegisteredOnOneNodeIsKnownToTheOtherWithinASecond() {
        JpaRegistryService a = node(database, false);
        JpaRegistryService b = node(database, false);
        a.registerJurisdiction(SYSTEM, CITY);
        a.registerJurisdiction(SYSTEM, COUNTY);

        clock.advance(Duration.ofMillis(RegistryAccess.RECHECK_MILLIS));
        assertEquals(COUNTY, b.getJurisdiction(SYSTEM, "370522"));
        assertEquals(List.of("370500", "370522"), b.listJurisdictions(SYSTEM).stream().map(Jurisdiction::code).toList());
        assertTrue(b.access().may(CITY_ADMIN, Operation.READ_REGISTRY, "370522"), "the policy over the new tree");
        assertNull(b.problem());
    }

    @Test
    void betweenChecksANodeAnswersFromMemory() {
        JpaRegistryService a = node(database, false);
        Counting jpaB = new Counting();
        JpaRegistryService b = node(jpaB, false);
        a.registerJurisdiction(SYSTEM, CITY);
        clock.advance(Duration.ofMillis(RegistryAccess.RECHECK_MILLIS));
        b.access();
        int afterCheck = jpaB.calls;
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(RegistryAccess.RECHECK_MILLIS / 100 - 1));
            b.access().require(SYSTEM, Operation.READ_REGISTRY, "370500");
        }
        assertEquals(afterCheck, jpaB.calls, "no query until a second has passed");
        clock.advance(Duration.ofMillis(100));
        b.access();
        assertEquals(afterCheck + 1, jpaB.calls, "then one count, nothing to reload");
    }

    @Test
    void insideACallersTransactionTheTreeIsNotChecked() {
        JpaRegistryService a = node(database, false);
        Counting jpaB = new Counting();
        JpaRegistryService b = node(jpaB, true);
        a.registerJurisdiction(SYSTEM, CITY);
        a.registerJurisdiction(SYSTEM, COUNTY);
        int before = jpaB.calls;
        clock.advance(Duration.ofSeconds(5));
        assertFalse(b.access().may(CITY_ADMIN, Operation.READ_REGISTRY, "370522"));
        assertEquals(before, jpaB.calls, "the registry is not drawn into the caller's transaction");
    }

    @Test
    void registeringWhatAnotherNodeJustRegisteredConfirmsIt() {
        JpaRegistryService a = node(database, false);
        JpaRegistryService b = node(database, false);
        b.access(); // b's tree is read, and the second has not passed
        a.registerJurisdiction(SYSTEM, CITY);
        assertEquals(CITY, b.registerJurisdiction(SYSTEM, CITY));
        RegistryServiceTest.refused(ProblemKind.CONFLICT, () -> b.registerJurisdiction(SYSTEM,
                new Jurisdiction("370500", "别的市", JurisdictionKind.CITY, null, false)));
    }

    @Test
    void aRegistrationRacingAnotherNodesIsConfirmedNotFailed() {
        JpaRegistryService a = node(database, false);
        Counting jpaB = new Counting();
        JpaRegistryService b = node(jpaB, false);
        a.registerJurisdiction(SYSTEM, CITY);
        b.registerJurisdiction(SYSTEM, CITY);
        // node A commits the county between node B's look at the database and node B's insert
        jpaB.beforeNextWrite = () -> a.registerJurisdiction(SYSTEM, COUNTY);
        assertEquals(COUNTY, b.registerJurisdiction(SYSTEM, COUNTY));
        assertEquals(2, b.listJurisdictions(SYSTEM).size());
    }
}
