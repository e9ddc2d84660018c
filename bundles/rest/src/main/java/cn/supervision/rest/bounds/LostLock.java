package cn.supervision.rest.bounds;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.tx.LockRetry;

/**
 * A lost database lock (lock wait timeout, deadlock victim: {@link LockRetry#SQL_STATES}) that reached an adapter. Write
 * paths retry it ({@link LockRetry}) or queue on one row; one that still escapes is a refusal of kind busy (REST 503, the
 * same SOAP fault, the shell's refusal line), not a server error: the database rolled the losing transaction back, and
 * the same request is likely to pass a moment later. A request that writes in more than one transaction retries the
 * later ones itself (what is committed must not be written again by the client's retry), so a busy answer means the
 * request's writes did not happen.
 */
public final class LostLock {
    private static final Logger LOG = LoggerFactory.getLogger(LostLock.class);

    private LostLock() {
    }

    /**
     * The busy refusal to answer instead of {@code failure}, when a lost lock is anywhere in its causes; logged once, as
     * one line ({@code channel}: REST, SOAP, SHELL), the trace at DEBUG (a lock a thread waits on for itself looks like load).
     */
    public static Optional<SupervisionException> asBusy(Throwable failure, String channel) {
        if (!LockRetry.isLostLock(failure)) {
            return Optional.empty();
        }
        LOG.warn("数据库锁等待超时或死锁，{} 请求答复为繁忙：{}", channel, failure.toString());
        LOG.debug("the lost lock's trace", failure);
        SupervisionException busy = SupervisionException.busy("数据库繁忙", "并发写入过多，未能取得数据库锁，请稍后重试");
        busy.initCause(failure);
        return Optional.of(busy);
    }
}
