package cn.supervision.duty.analysis.internal;

import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.testing.AbstractJpaTemplate;

/** A real JPA template with scripted trouble: more work slipped into the next write, or the next write failing. */
final class ScriptedJpa extends AbstractJpaTemplate {
    private final JpaTemplate real;
    /** Runs inside the next write transaction, after the service's own work. */
    EmConsumer slipIn;
    /** Thrown instead of the next write transaction. */
    PersistenceException failNextWrite;

    ScriptedJpa(JpaTemplate real) {
        this.real = real;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        if (type != TransactionType.Required) {
            return real.txExpr(type, code);
        }
        trouble();
        EmConsumer extra = take();
        return real.txExpr(type, em -> {
            R r = code.apply(em);
            extra.accept(em);
            return r;
        });
    }


    private void trouble() {
        PersistenceException e = failNextWrite;
        if (e != null) {
            failNextWrite = null;
            throw e;
        }
    }

    private EmConsumer take() {
        EmConsumer extra = slipIn == null ? em -> { } : slipIn;
        slipIn = null;
        return extra;
    }
}
