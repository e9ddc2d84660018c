package cn.supervision.rest.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriBuilder;

import cn.supervision.api.problem.FieldError;
import cn.supervision.rest.bounds.Paged;

/**
 * {@link Paged} listings: checks {@code offset} and {@code limit} before the method runs (400 beyond the maximum),
 * then answers the slice of the returned list, with the total and the next page's link in headers. The body stays the
 * JSON array clients already read.
 */
@Priority(Priorities.USER)
public class PagingFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String PAGE = PagingFilter.class.getName() + ".page";
    static final String TOTAL = "X-Total-Count";

    @Context
    private ResourceInfo resource;

    public PagingFilter() {
    }

    /** For tests: the resource method is what a JAX-RS runtime would inject. */
    PagingFilter(ResourceInfo resource) {
        this.resource = resource;
    }

    record Page(int offset, int limit) { }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(Paged.class)) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        int offset = number(query.getFirst("offset"), 0, 0, Integer.MAX_VALUE, "offset", "起始位置应为不小于 0 的整数", errors);
        int limit = number(query.getFirst("limit"), Paged.DEFAULT_LIMIT, 1, Paged.MAX_LIMIT, "limit",
                "每页条数应为 1–" + Paged.MAX_LIMIT + " 的整数", errors);
        if (!errors.isEmpty()) {
            request.abortWith(Problems.response(400, "请求无效",
                    errors.stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(""), errors));
            return;
        }
        request.setProperty(PAGE, new Page(offset, limit));
    }

    private static int number(String text, int fallback, int min, int max, String field, String message, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        errors.add(new FieldError(field, message));
        return fallback;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PAGE) instanceof Page page) || response.getStatus() != 200
                || !(response.getEntity() instanceof List<?> all)) {
            return;
        }
        int total = all.size();
        int from = Math.min(page.offset(), total);
        int to = (int) Math.min(total, (long) from + page.limit());
        response.setEntity(new ArrayList<>(all.subList(from, to)), response.getEntityAnnotations(), response.getMediaType());
        response.getHeaders().putSingle(TOTAL, String.valueOf(total));
        if (to < total) {
            UriBuilder next = request.getUriInfo().getRequestUriBuilder()
                    .replaceQueryParam("offset", to).replaceQueryParam("limit", page.limit());
            response.getHeaders().putSingle("Link", "<" + next.build() + ">; rel=\"next\"");
        }
    }
}
