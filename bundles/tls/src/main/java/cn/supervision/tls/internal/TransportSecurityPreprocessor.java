package cn.supervision.tls.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.http.whiteboard.Preprocessor;

/**
 * Registered as an HTTP Whiteboard {@link Preprocessor}: Pax Web runs it for every request on every connector before any web
 * context is chosen, so it guards REST, SOAP, Swagger UI and anything deployed later alike.
 */
public final class TransportSecurityPreprocessor implements Preprocessor {
    static final String PROBLEM_JSON = "application/problem+json;charset=UTF-8";

    private final TransportPolicy policy;
    private final IntSupplier httpsPort;
    private final String hsts;

    public TransportSecurityPreprocessor(boolean allowInsecureHttp, long hstsMaxAgeSeconds, org.osgi.service.cm.ConfigurationAdmin configurations) {
        this(new TransportPolicy(allowInsecureHttp), new HttpsPort(configurations)::get, hstsMaxAgeSeconds);
    }

    TransportSecurityPreprocessor(TransportPolicy policy, IntSupplier httpsPort, long hstsMaxAgeSeconds) {
        this.policy = policy;
        this.httpsPort = httpsPort;
        this.hsts = "max-age=" + Math.max(0, hstsMaxAgeSeconds);
    }

    @Override
    public void init(FilterConfig config) {
        // configured through the constructor (etc/cn.supervision.tls.cfg)
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        boolean secure = request.isSecure();
        TransportPolicy.Decision d = policy.decide(secure, request.getMethod(), request.getHeader("Authorization") != null,
                request.getServerName(), secure ? 0 : httpsPort.getAsInt(), request.getRequestURI(), request.getQueryString());
        switch (d.kind()) {
            case PASS -> chain.doFilter(req, res);
            case HSTS -> {
                response.setHeader("Strict-Transport-Security", hsts);
                chain.doFilter(req, res);
            }
            case REDIRECT -> {
                response.setStatus(308);
                response.setHeader("Location", d.location());
                response.setContentLength(0);
            }
            case REFUSE -> {
                byte[] body = problem(d.location()).getBytes(StandardCharsets.UTF_8);
                response.setStatus(403);
                response.setContentType(PROBLEM_JSON);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }
    }

    /** The query is left out of the message: it may hold a questionnaire token. */
    static String problem(String httpsUrl) {
        return "{\"type\":\"about:blank\",\"status\":403,\"title\":\"需要 HTTPS\",\"detail\":\"平台不通过明文 HTTP 接收账号密码、"
                + "SOAP 调用或写入请求，请改用 HTTPS：" + json(httpsUrl) + "\",\"https\":\"" + json(httpsUrl) + "\"}";
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
