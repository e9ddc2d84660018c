package cn.supervision.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import cn.supervision.api.problem.SupervisionException;

public class SupervisionExceptionMapper implements ExceptionMapper<SupervisionException> {
    @Override
    public Response toResponse(SupervisionException e) {
        return Problems.response(cn.supervision.rest.bounds.ProblemStatus.of(e.kind()), e.title(), e.getMessage(), e.errors());
    }
}
