package cn.supervision.soap.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses request bodies over a limit with HTTP 413 before they are parsed: by the declared Content-Length, and while
 * streaming for chunked bodies, so a partner cannot exhaust memory with one message.
 */
public class BodyLimitInterceptor extends AbstractPhaseInterceptor<Message> {
    private final long maxBytes;

    public BodyLimitInterceptor(int maxMegabytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxMegabytes * 1024L * 1024L;
    }

    @Override
    public void handleMessage(Message message) {
        Object request = message.get("HTTP.REQUEST"); // AbstractHTTPDestination.HTTP_REQUEST
        if (request instanceof javax.servlet.http.HttpServletRequest http && http.getContentLengthLong() > maxBytes) {
            // close the connection after the fault rather than read the body to keep it
            if (message.get("HTTP.RESPONSE") instanceof javax.servlet.http.HttpServletResponse response) {
                response.setHeader("Connection", "close");
            }
            throw tooLarge();
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new FilterInputStream(in) {
                private long read;

                private int count(int n) throws IOException {
                    if (n > 0 && (read += n) > maxBytes) {
                        throw new IOException("请求体超过 " + maxBytes / 1024 / 1024 + " MB");
                    }
                    return n;
                }

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return count(super.read(b, off, len));
                }
            });
        }
    }

    private Fault tooLarge() {
        Fault f = new Fault(new IllegalArgumentException("批次过大：请求体超过 " + maxBytes / 1024 / 1024 + " MB，请拆分后分批提交"));
        f.setStatusCode(413);
        f.setFaultCode(Fault.FAULT_CODE_CLIENT);
        return f;
    }
}
