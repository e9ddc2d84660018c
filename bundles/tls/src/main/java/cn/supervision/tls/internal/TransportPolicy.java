package cn.supervision.tls.internal;

/**
 * What a request gets before any servlet sees it. Over HTTPS: through, with HSTS. Over plain HTTP (unless the dev flag is
 * set): a credential-free GET or HEAD is sent to the same URL over HTTPS (308 keeps the method); anything else — a request
 * carrying credentials, a write, a SOAP call — is refused, so no password is ever checked and no data is ever served or
 * accepted in clear text. Redirecting a request that carries credentials would teach clients that sending them in clear
 * text works.
 */
final class TransportPolicy {
    enum Kind { PASS, HSTS, REDIRECT, REFUSE }

    record Decision(Kind kind, String location) {
    }

    private final boolean allowInsecureHttp;

    TransportPolicy(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * @param host the host the client asked for (without port); the redirect keeps it, as the client chose it
     * @param httpsPort where HTTPS listens
     */
    Decision decide(boolean secure, String method, boolean credentials, String host, int httpsPort, String path, String query) {
        if (secure) {
            // with the dev flag plain HTTP stays in use: HSTS would make browsers refuse it for the whole host
            return new Decision(allowInsecureHttp ? Kind.PASS : Kind.HSTS, null);
        }
        if (allowInsecureHttp) {
            return new Decision(Kind.PASS, null);
        }
        if (!credentials && ("GET".equals(method) || "HEAD".equals(method))) {
            return new Decision(Kind.REDIRECT, httpsUrl(host, httpsPort, path) + (query == null || query.isEmpty() ? "" : "?" + query));
        }
        return new Decision(Kind.REFUSE, httpsUrl(host, httpsPort, path));
    }

    static String httpsUrl(String host, int httpsPort, String path) {
        String h = host == null || host.isEmpty() ? "localhost" : host;
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]"; // an IPv6 literal
        }
        return "https://" + h + (httpsPort == 443 ? "" : ":" + httpsPort) + (path == null || path.isEmpty() ? "/" : path);
    }
}
