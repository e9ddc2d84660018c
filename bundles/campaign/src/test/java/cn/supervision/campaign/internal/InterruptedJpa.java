package cn.supervision.campaign.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A node's JPA template on which a test makes things happen at the start of its next writing transaction: other
 * work committed just before it, or the transaction lost as a dropped connection loses it.
 */
final class InterruptedJpa implements JpaTemplate {
    private final JpaTemplate real;
    /** Runs before the next {@code tx(Required)} (the snapshot writer's form). */
    final AtomicReference<Runnable> beforeTx = new AtomicReference<>();
    /** Whether that next {@code tx(Required)} then fails instead of running. */
    final AtomicBoolean failTx = new AtomicBoolean();
    /** Runs before the next {@code txExpr(Required)} (a transition's form). */
    final AtomicReference<Runnable> beforeTxExpr = new AtomicReference<>();

    InterruptedJpa(JpaTemplate real) {
        this.real = real;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        Runnable meanwhile = type == TransactionType.Required ? beforeTxExpr.getAndSet(null) : null;
        if (meanwhile != null) {
            meanwhile.run();
        }
        return real.txExpr(type, code);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        if (type == TransactionType.Required) {
            boolean fail = failTx.getAndSet(false); // taken first: what runs meanwhile writes through
            Runnable meanwhile = beforeTx.getAndSet(null);
            if (meanwhile != null) {
                meanwhile.run();
            }
            if (fail) {
                throw new PersistenceException("connection reset (test)");
            }
        }
        real.tx(type, code);
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
