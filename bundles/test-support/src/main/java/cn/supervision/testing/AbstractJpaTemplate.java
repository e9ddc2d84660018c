package cn.supervision.testing;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A {@link JpaTemplate} whose convenience overloads all go through {@link #txExpr(TransactionType, EmFunction)}, so a
 * test template that scripts failures or wraps a transaction overrides that one method and cannot miss a path.
 */
public abstract class AbstractJpaTemplate implements JpaTemplate {

    @Override
    public abstract <R> R txExpr(TransactionType type, EmFunction<R> code);

    @Override
    public final void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public final <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public final void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
