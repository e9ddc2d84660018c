package cn.supervision.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;

import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.security.Caller;
import cn.supervision.api.tx.LockRetry;
import cn.supervision.testing.AbstractJpaTemplate;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * A registry write owns its transaction only when the caller has none; then a lost lock is retried. Inside a caller's
 * transaction (a proposal applying its changes) the write runs once and the lost lock goes to the caller.
 */
class RetryOwnershipTest {
    private final LocalJpaTemplate local = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml");

    /** The database losing the next {@code losses} write transactions to another writer. */
    private final class Losing extends AbstractJpaTemplate {
        int losses;
        int writes;

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            if (type == TransactionType.Required) {
                writes++;
                if (losses > 0) {
                    losses--;
                    throw new PersistenceException("lock", new SQLException("A lock could not be obtained", "40XL1"));
                }
            }
            return local.txExpr(type, code);
        }

    }

    private final Losing jpa = new Losing();

    @AfterEach
    void stop() {
        local.close();
    }

    private JpaRegistryService registry(boolean callerTransaction) {
        JpaRegistryService registry = new JpaRegistryService(jpa, Clock.systemUTC(),
                LockRetry.of(5, 0).outsideTransactions(() -> callerTransaction));
        registry.start();
        registry.registerJurisdiction(Caller.system("city-bundle"), new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false));
        jpa.writes = 0;
        return registry;
    }

    @Test
    void withoutACallersTransactionTheWriteIsRetried() {
        JpaRegistryService registry = registry(false);
        jpa.losses = 2;
        registry.createUnit(RegistryServiceTest.CITY, "370500", RegistryServiceTest.draft("R1", "重试单位"));
        assertEquals(3, jpa.writes);
        assertEquals(1, registry.listUnits(RegistryServiceTest.CITY, "370500", false).size());
    }

    @Test
    void insideACallersTransactionTheWriteRunsOnceAndTheCallerGetsTheLostLock() {
        JpaRegistryService registry = registry(true);
        jpa.losses = 2;
        PersistenceException lost = assertThrows(PersistenceException.class, // not busy: the owner decides
                () -> registry.createUnit(RegistryServiceTest.CITY, "370500", RegistryServiceTest.draft("R1", "重试单位")));
        assertEquals(1, jpa.writes, "the caller's transaction is doomed: no second run inside it");
        assertTrue(LockRetry.isLostLock(lost));
    }
}
