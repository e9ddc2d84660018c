package cn.supervision.rest.internal;

import java.util.Optional;
import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.rest.bounds.LostLock;
import cn.supervision.rest.bounds.ProblemStatus;

/**
 * Anything else is a defect: logged with an incident id the caller can quote, never shown as a stack trace. Except a lost
 * database lock, which is load rather than a defect: answered as busy ({@link LostLock}), logged in one line.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        Optional<SupervisionException> busy = LostLock.asBusy(e, "REST");
        if (busy.isPresent()) {
            return Problems.response(ProblemStatus.of(busy.get().kind()), busy.get().title(), busy.get().getMessage(), null);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, e);
        return Problems.response(500, "服务器内部错误", "处理请求时发生内部错误，事件编号 " + incident, null);
    }
}
