package cn.supervision.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.function.Supplier;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;

import cn.supervision.rest.bounds.Bodies;
import cn.supervision.rest.bounds.StreamedBody;

/**
 * Every request body has a ceiling before anything parses it: JSON bodies the JSON cap, methods that stream their
 * own larger uploads ({@link StreamedBody}) and other media types the upload ceiling. A declared Content-Length
 * beyond it is answered 413 at once, without reading; a chunked body is counted as it is read and refused the moment
 * it crosses the limit, so nothing of it is ever held beyond the limit.
 *
 * <p>Any refusal of a request whose body was not read to its end closes the connection and answers at once: otherwise
 * the server would first read (and discard) the rest of a body it has already refused, CXF up to 16 MB of it before
 * it sends the answer and the container the remainder to keep the connection alive; a client still sending would
 * see its 401, 403 or 413 only after uploading the lot. An answer that is not a refusal reads at most
 * {@value #LEFTOVER_BYTES} bytes of what its method left unread (a {@code {}} sent to a method without a body keeps
 * its connection); beyond that it closes the connection too.
 *
 * <p>CXF is also told not to keep the unread rest of a body: by default it copies whatever is left when the answer
 * starts into a temporary file, so a body sent to a method that does not read one (a GET with a chunked body to the
 * public liveness check) was stored whole, unbounded, before the answer; and for a GET the copy's set-up is ~6 % of
 * the request.
 */
@Priority(Priorities.ENTITY_CODER)
public class BodyLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String STREAM = BodyLimitFilter.class.getName() + ".stream";
    /** What a successful answer still reads of a body its method did not read to the end, to keep the connection. */
    static final int LEFTOVER_BYTES = 64 * 1024;
    /** CXF's switch for copying the unread rest of a request when the answer starts (true unless set). */
    static final String CXF_CACHE_INPUT = "cxf.io.cacheinput";

    @Context
    private ResourceInfo resource;

    private final long maxJsonBytes;
    private final long maxUploadBytes;
    /** The CXF message being handled on this thread (a test hands its own). */
    private Supplier<Message> current = JAXRSUtils::getCurrentMessage;

    public BodyLimitFilter(int maxJsonKilobytes, int maxUploadMegabytes) {
        this.maxJsonBytes = maxJsonKilobytes * 1024L;
        this.maxUploadBytes = maxUploadMegabytes * 1024L * 1024L;
    }

    /** For tests: the resource method is what a JAX-RS runtime would inject. */
    BodyLimitFilter(int maxJsonKilobytes, int maxUploadMegabytes, ResourceInfo resource) {
        this(maxJsonKilobytes, maxUploadMegabytes);
        this.resource = resource;
    }

    /** For tests: also the message CXF would be handling. */
    BodyLimitFilter(int maxJsonKilobytes, int maxUploadMegabytes, ResourceInfo resource, Supplier<Message> current) {
        this(maxJsonKilobytes, maxUploadMegabytes, resource);
        this.current = current;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        keepNoUnreadRest();
        Long declared;
        try {
            declared = declaredLength(request);
        } catch (NumberFormatException e) {
            request.abortWith(close(Problems.response(400, "请求无效", "Content-Length 无效", null)));
            return;
        }
        long max = limitFor(request.getMediaType());
        if (declared != null && declared > max) {
            request.abortWith(close(tooLarge(max)));
            return;
        }
        if (declared == null || declared > 0) {
            Bodies.Limited limited = (Bodies.Limited) Bodies.limited(request.getEntityStream(), declared, max);
            request.setEntityStream(limited);
            request.setProperty(STREAM, limited);
        }
    }

    long limitFor(MediaType type) {
        Method method = resource == null ? null : resource.getResourceMethod();
        boolean streamed = method != null && method.isAnnotationPresent(StreamedBody.class);
        return streamed || !json(type) ? maxUploadBytes : maxJsonBytes;
    }

    /** JSON, or no type at all (a reader would take it for JSON). */
    static boolean json(MediaType type) {
        return type == null || type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json");
    }

    private static Long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null || header.isBlank()) {
            return null;
        }
        long length = Long.parseLong(header.trim());
        if (length < 0) {
            throw new NumberFormatException(header);
        }
        return length;
    }

    static Response tooLarge(long max) {
        return Problems.response(413, Problems.titleFor(413), "请求体超过 " + Bodies.describe(max) + " 上限", null);
    }

    private static Response close(Response r) {
        return Response.fromResponse(r).header("Connection", "close").build();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!hasBody(request)) {
            return;
        }
        Object stream = request.getProperty(STREAM);
        boolean read = stream instanceof Bodies.Limited l
                && (l.ended() || response.getStatus() < 400 && endsWithin(l, LEFTOVER_BYTES));
        if (!read) {
            response.getHeaders().putSingle("Connection", "close");
            skipDrain();
        }
    }

    /** Reads on to the end of the body if it comes within that many bytes; false if more is left or it fails. */
    static boolean endsWithin(Bodies.Limited body, int bytes) {
        try {
            body.skip(bytes + 1L);
            return body.ended();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void keepNoUnreadRest() {
        Message message = current.get();
        if (message != null && message.getExchange() != null) {
            message.getExchange().put(CXF_CACHE_INPUT, Boolean.FALSE);
        }
    }

    /** CXF drains what is left of the request before it writes the answer: there is nothing left to want. */
    private void skipDrain() {
        Message message = current.get();
        Message in = message == null || message.getExchange() == null ? null : message.getExchange().getInMessage();
        DelegatingInputStream body = in == null ? null : in.getContent(DelegatingInputStream.class);
        if (body != null) {
            body.setInputStream(InputStream.nullInputStream());
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.trim().equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }
}
